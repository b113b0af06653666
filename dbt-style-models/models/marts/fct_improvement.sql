-- Did a change work? One row per change in the register and outcome (docs/improvement.md): the
-- outcome in the treated work and in the comparison work (int_improvement_cells), before and after
-- the change; the difference-in-differences, as a difference in the outcome's units and as a ratio
-- (on log scale, so it reads as a percentage); 95 % intervals from a cluster bootstrap over workers
-- (Bayesian bootstrap weights per worker, bootstrap_weight);
-- a pre-trend check (the same estimate between the two halves of the before period, which should
-- be nothing); and a plain verdict. The outcomes are those of the improvement_outcomes macro.
with cells as (
    select * from {{ ref('int_improvement_cells') }}
),

changes as (
    select
        intervention_id,
        min(kind) as kind,
        min(title) as title,
        concat_ws('; ', sort_array(collect_set(concat('team ', team_id, ', task ', task_type, ', site ', site_id))))
            as scope
    from {{ ref('stg_silver__interventions') }}
    group by intervention_id
),

outcomes as (
    select
        c.intervention_id,
        c.worker_id,
        c.arm,
        c.phase,
        o.outcome,
        o.numerator,
        o.denominator
    from cells as c
    {{ improvement_outcomes('c') }}
    where o.denominator > 0
),

per_worker as (
    select intervention_id, outcome, worker_id, arm, phase,
        {{ exact_sum('numerator') }} as numerator, {{ exact_sum('denominator') }} as denominator
    from outcomes
    group by intervention_id, outcome, worker_id, arm, phase
),

-- Each worker's outcome before and after (and in the two halves of before). Only workers seen on
-- both sides count, each with the same weight on both (larger when they have more work on both
-- sides: d_before × d_after / (d_before + d_after)), so a worker joining, leaving or moving between
-- teams changes no group's level: the estimate compares the same people with themselves.
per_worker_sides as (
    select
        intervention_id,
        outcome,
        worker_id,
        arm,
        {{ exact_sum("if(phase != 'after', numerator, null)") }} / {{ exact_sum("if(phase != 'after', denominator, null)") }} as before_value,
        {{ exact_sum("if(phase = 'after', numerator, null)") }} / {{ exact_sum("if(phase = 'after', denominator, null)") }} as after_value,
        {{ exact_sum("if(phase != 'after', denominator, null)") }} as before_volume,
        {{ exact_sum("if(phase = 'after', denominator, null)") }} as after_volume,
        {{ exact_sum("if(phase = 'early', numerator, null)") }} / {{ exact_sum("if(phase = 'early', denominator, null)") }} as early_value,
        {{ exact_sum("if(phase = 'late', numerator, null)") }} / {{ exact_sum("if(phase = 'late', denominator, null)") }} as late_value,
        {{ exact_sum("if(phase = 'early', denominator, null)") }} as early_volume,
        {{ exact_sum("if(phase = 'late', denominator, null)") }} as late_volume
    from per_worker
    group by intervention_id, outcome, worker_id, arm
),

per_worker_weights as (
    select
        *,
        before_volume * after_volume / (before_volume + after_volume) as change_weight,
        early_volume * late_volume / (early_volume + late_volume) as trend_weight
    from per_worker_sides
),

replicates as (
    select explode(sequence(0, {{ var('improvement_replicates') }})) as replicate
),

weighted as (
    select
        p.*,
        r.replicate,
        {{ bootstrap_weight('p.intervention_id', 'p.worker_id', 'r.replicate') }} as draw
    from per_worker_weights as p
    cross join replicates as r
),

levels as (
    select
        intervention_id,
        outcome,
        replicate,
        {{ exact_sum("if(arm = 'treated', draw * change_weight * before_value, null)") }}
            / {{ exact_sum("if(arm = 'treated', draw * change_weight, null)") }} as treated_before,
        {{ exact_sum("if(arm = 'treated', draw * change_weight * after_value, null)") }}
            / {{ exact_sum("if(arm = 'treated', draw * change_weight, null)") }} as treated_after,
        {{ exact_sum("if(arm = 'comparison', draw * change_weight * before_value, null)") }}
            / {{ exact_sum("if(arm = 'comparison', draw * change_weight, null)") }} as comparison_before,
        {{ exact_sum("if(arm = 'comparison', draw * change_weight * after_value, null)") }}
            / {{ exact_sum("if(arm = 'comparison', draw * change_weight, null)") }} as comparison_after,
        {{ exact_sum("if(arm = 'treated', draw * trend_weight * early_value, null)") }}
            / {{ exact_sum("if(arm = 'treated', draw * trend_weight, null)") }} as treated_early,
        {{ exact_sum("if(arm = 'treated', draw * trend_weight * late_value, null)") }}
            / {{ exact_sum("if(arm = 'treated', draw * trend_weight, null)") }} as treated_late,
        {{ exact_sum("if(arm = 'comparison', draw * trend_weight * early_value, null)") }}
            / {{ exact_sum("if(arm = 'comparison', draw * trend_weight, null)") }} as comparison_early,
        {{ exact_sum("if(arm = 'comparison', draw * trend_weight * late_value, null)") }}
            / {{ exact_sum("if(arm = 'comparison', draw * trend_weight, null)") }} as comparison_late
    from weighted
    group by intervention_id, outcome, replicate
),

estimates as (
    select
        *,
        (treated_after - treated_before) - (comparison_after - comparison_before) as difference,
        ln(treated_after / treated_before) - ln(comparison_after / comparison_before) as log_ratio,
        ln(treated_late / treated_early) - ln(comparison_late / comparison_early) as pre_trend_log_ratio
    from levels
),

-- Bootstrap standard errors; intervals are the estimate ± t × SE on the scale named (log for
-- ratios), which a few hundred replicates give stably where far tail percentiles would not. With
-- few workers the bootstrap is too sure of itself: the SE is scaled by √(G / (G − 1)) and the normal
-- quantile replaced by Student's t with G − 1 degrees of freedom, G the smaller group's workers
-- (Cameron & Miller 2015, few clusters).
intervals as (
    select
        intervention_id,
        outcome,
        sqrt({{ exact_var_samp('difference') }}) as difference_se,
        sqrt({{ exact_var_samp('log_ratio') }}) as log_ratio_se,
        sqrt({{ exact_var_samp('pre_trend_log_ratio') }}) as pre_trend_se,
        count(log_ratio) as replicates
    from estimates
    where replicate > 0
    group by intervention_id, outcome
),

workers as (
    select
        intervention_id,
        outcome,
        count_if(arm = 'treated' and change_weight > 0) as treated_workers,
        count_if(arm = 'comparison' and change_weight > 0) as comparison_workers
    from per_worker_weights
    group by intervention_id, outcome
),

-- t quantiles (with the few-cluster scaling of the SE folded in) for the 95 % and the verdict's interval
multipliers as (
    select
        intervention_id,
        outcome,
        sqrt(g / (g - 1)) * er_t_quantile(0.975, g - 1) as t_95,
        sqrt(g / (g - 1)) * er_t_quantile(1 - 0.05 / 4 / 2, g - 1) as t_verdict
    from (
        select intervention_id, outcome, least(treated_workers, comparison_workers) as g
        from workers
        where least(treated_workers, comparison_workers) >= 2
    )
),

comparison_scopes as (
    select
        intervention_id,
        max(same_task_rule) as same_task_rule,
        concat_ws(', ', sort_array(collect_set(team_id) filter (where arm = 'comparison'))) as comparison_teams,
        concat_ws(', ', sort_array(collect_set(task_type) filter (where arm = 'comparison'))) as comparison_task_types,
        min(local_date) as compared_from,
        max(local_date) as compared_to
    from cells
    group by intervention_id
),

assembled as (
    select
        ch.intervention_id,
        ch.kind,
        ch.title,
        d.effective_date,
        ch.scope,
        case when s.same_task_rule then 'the same task types outside the scope'
            else 'other task types outside the scope' end as comparison_rule,
        s.comparison_teams,
        s.comparison_task_types,
        s.compared_from,
        s.compared_to,
        e.outcome,
        {{ improvement_better_when('e.outcome') }} as better_when,
        e.treated_before,
        e.treated_after,
        e.comparison_before,
        e.comparison_after,
        coalesce(w.treated_workers, 0) as treated_workers,
        coalesce(w.comparison_workers, 0) as comparison_workers,
        e.difference,
        e.difference - i.difference_se * m.t_95 as difference_lower_95,
        e.difference + i.difference_se * m.t_95 as difference_upper_95,
        exp(e.log_ratio) as ratio,
        exp(e.log_ratio - i.log_ratio_se * m.t_95) as ratio_lower_95,
        exp(e.log_ratio + i.log_ratio_se * m.t_95) as ratio_upper_95,
        -- the verdict's interval: 95 % shared by the four outcomes of a change (Bonferroni,
        -- 1 - 0.05 / 4 each), so a change that did nothing is called improved or worse on any of
        -- them about one time in twenty, not one in five
        exp(e.log_ratio - i.log_ratio_se * m.t_verdict) as ratio_lower_verdict,
        exp(e.log_ratio + i.log_ratio_se * m.t_verdict) as ratio_upper_verdict,
        exp(e.pre_trend_log_ratio) as pre_trend_ratio,
        exp(e.pre_trend_log_ratio - i.pre_trend_se * m.t_95) as pre_trend_lower_95,
        exp(e.pre_trend_log_ratio + i.pre_trend_se * m.t_95) as pre_trend_upper_95,
        i.replicates
    from estimates as e
    join changes as ch on ch.intervention_id = e.intervention_id
    join (select distinct intervention_id, effective_date from cells) as d on d.intervention_id = e.intervention_id
    left join intervals as i on i.intervention_id = e.intervention_id and i.outcome = e.outcome
    left join workers as w on w.intervention_id = e.intervention_id and w.outcome = e.outcome
    left join multipliers as m on m.intervention_id = e.intervention_id and m.outcome = e.outcome
    left join comparison_scopes as s on s.intervention_id = e.intervention_id
    where e.replicate = 0
),

judged as (
    select
        *,
        not (pre_trend_lower_95 > 1 or pre_trend_upper_95 < 1) as parallel_trends_plausible,
        case
            when treated_workers < {{ var('improvement_min_workers') }} then
                concat('too few treated workers before or after (', treated_workers, ')')
            when comparison_workers < {{ var('improvement_min_workers') }} then
                concat('too little comparable work outside the scope (', comparison_workers, ' workers)')
            when ratio is null or ratio_lower_95 is null then 'no data, or an outcome of zero, on one side of the change'
            when pre_trend_ratio is null then 'too few days before the change to check the trend'
            when pre_trend_lower_95 > 1 or pre_trend_upper_95 < 1 then
                'treated and comparison work already drifted apart before the change (pre-trend)'
        end as not_judgeable_because
    from assembled
)

select
    intervention_id,
    kind,
    title,
    effective_date,
    scope,
    comparison_rule,
    comparison_teams,
    comparison_task_types,
    compared_from,
    compared_to,
    outcome,
    better_when,
    treated_before,
    treated_after,
    comparison_before,
    comparison_after,
    treated_workers,
    comparison_workers,
    difference,
    difference_lower_95,
    difference_upper_95,
    ratio,
    ratio_lower_95,
    ratio_upper_95,
    ratio - 1 as effect_share,
    ratio_lower_95 - 1 as effect_share_lower_95,
    ratio_upper_95 - 1 as effect_share_upper_95,
    ratio_lower_verdict,
    ratio_upper_verdict,
    pre_trend_ratio,
    pre_trend_lower_95,
    pre_trend_upper_95,
    parallel_trends_plausible,
    replicates,
    case
        when not_judgeable_because is not null then 'not judgeable'
        when ratio_upper_verdict < 1 then if(better_when = 'lower', 'improved', 'worse')
        when ratio_lower_verdict > 1 then if(better_when = 'lower', 'worse', 'improved')
        else 'no evidence'
    end as verdict,
    coalesce(not_judgeable_because,
        concat('change ', format_number((ratio - 1) * 100, 1), ' %; its interval over all four outcomes, ',
            format_number((ratio_lower_verdict - 1) * 100, 1), ' % to ', format_number((ratio_upper_verdict - 1) * 100, 1), ' %, ',
            if(ratio_upper_verdict < 1 or ratio_lower_verdict > 1, 'excludes', 'includes'), ' no change')) as verdict_reason
from judged
