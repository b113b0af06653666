{#- Whether a change's scope row covers a piece of work: each of team, task type and site is either
    the change's value or '*'. -#}
{% macro change_covers(change, work) -%}
({{ change }}.team_id = '*' or {{ change }}.team_id = {{ work }}.team_id)
        and ({{ change }}.task_type = '*' or {{ change }}.task_type = {{ work }}.task_type)
        and ({{ change }}.site_id = '*' or {{ change }}.site_id = {{ work }}.site_id)
{%- endmacro %}

{#- A replicate's weight for one worker in one change's comparison: 1 for the estimate itself
    (replicate 0), else an exponential draw fixed by a hash (the Bayesian bootstrap, Rubin 1981).
    Every row of a worker gets the same weight, so workers are the resampled clusters, and a re-run
    draws the same weights. -#}
{% macro bootstrap_weight(change_id, worker_id, replicate) -%}
case when {{ replicate }} = 0 then 1d
        else -ln((pmod(xxhash64({{ change_id }}, {{ worker_id }}, {{ replicate }}), 1000000) + 0.5d) / 1000000d) end
{%- endmacro %}

{#- The outcomes a change is judged on, each as a numerator and denominator per row of
    int_improvement_cells (aliased {{ cells }}), summed before dividing (ratios of sums):
      handle_time_per_item   item handle seconds / items completed      (lower is better)
      rework_share           items reworked / items completed           (lower is better)
      quality_failure_rate   failed audits / audits of the day's items  (lower is better)
      attainment             main-task items / that day's daily target  (higher is better)
    One definition for fct_improvement and its weekly series. -#}
{% macro improvement_outcomes(cells) -%}
lateral view stack(4,
        'handle_time_per_item', cast({{ cells }}.item_handle_seconds as double), cast({{ cells }}.items_completed as double),
        'rework_share', cast({{ cells }}.items_reworked as double), cast({{ cells }}.items_completed as double),
        'quality_failure_rate', cast({{ cells }}.failures as double), cast({{ cells }}.audits as double),
        'attainment', cast({{ cells }}.main_task_items as double), cast({{ cells }}.main_task_target as double)
    ) o as outcome, numerator, denominator
{%- endmacro %}

{#- Which way an outcome of improvement_outcomes is better. -#}
{% macro improvement_better_when(outcome) -%}
if({{ outcome }} = 'attainment', 'higher', 'lower')
{%- endmacro %}
