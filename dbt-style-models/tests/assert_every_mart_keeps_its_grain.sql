-- Every mart's grain: no two rows share a key and no key column is empty. A roster version overlap
-- or a join that fans out would otherwise double rows silently. Rows returned are failures, naming
-- the mart and the key. One query for all marts keeps the cost of a build flat.
{% set grains = {
    'fct_worker_day': ['worker_id', 'local_date'],
    'fct_worker_task_day': ['worker_id', 'local_date', 'task_type'],
    'fct_task_day': ['task_type', 'local_date'],
    'fct_task_type_handle': ['task_type'],
    'agg_productivity_trends': ['grain', 'dimension', 'dimension_value', 'period_start'],
    'fct_goal_appropriateness': ['window_kind', 'period_start', 'task_type'],
    'fct_goal_drift': ['task_type', 'metric', 'iso_week'],
    'fct_goal_capacity': ['task_type'],
    'fct_pace_funnel': ['worker_id', 'month_start'],
    'fct_quality_funnel': ['worker_id', 'month_start'],
    'fct_performance_alerts': ['alert_type', 'worker_id', 'month_start'],
    'fct_ramp_up': ['tenure_week'],
    'fct_team_month': ['team_id', 'month_start'],
    'fct_outcome_association': ['driver', 'outcome'],
    'fct_improvement': ['intervention_id', 'outcome'],
    'fct_change_candidates': ['candidate_kind', 'task_type', 'measure', 'week_start'],
    'fct_improvement_weekly': ['intervention_id', 'outcome', 'week_start', 'arm'],
} %}
{% for mart, keys in grains | dictsort %}
select
    '{{ mart }}' as mart,
    concat_ws(' / ', {% for k in keys %}coalesce(cast({{ k }} as string), '<empty>'){% if not loop.last %}, {% endif %}{% endfor %}) as grain_key,
    count(*) as rows_with_this_key
from {{ ref(mart) }}
group by {{ keys | join(', ') }}
having count(*) > 1{% for k in keys %} or max({{ k }} is null){% endfor %}
{% if not loop.last %}union all{% endif %}
{% endfor %}
