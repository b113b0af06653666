-- Does efficiency go with customer outcomes? Per outcome (CSAT, retention, revenue) and driver
-- (productivity, quality pass rate), over team-months: Spearman's rho with a 95 % interval
-- (Fisher z, Bonett-Wright standard error sqrt(1.06 / (n - 3))) and the least-squares slope.
-- An association, never a cause: teams differ in many ways at once.
with team_months as (
    select * from {{ ref('fct_team_month') }}
),

pairs as (
    select team_id, month_start, 'productivity' as driver, productivity as x, 'csat' as outcome, csat as y from team_months
    union all
    select team_id, month_start, 'productivity', productivity, 'retention_rate', retention_rate from team_months
    union all
    select team_id, month_start, 'productivity', productivity, 'revenue_reporting', revenue_reporting from team_months
    union all
    select team_id, month_start, 'quality_pass_rate', quality_pass_rate, 'csat', csat from team_months
    union all
    select team_id, month_start, 'quality_pass_rate', quality_pass_rate, 'retention_rate', retention_rate from team_months
    union all
    select team_id, month_start, 'quality_pass_rate', quality_pass_rate, 'revenue_reporting', revenue_reporting from team_months
),

ranked as (
    -- Average ranks (ties share the mean of the ranks they span), as Spearman's rho needs.
    select
        *,
        (rank() over (partition by driver, outcome order by x)
            + count(*) over (partition by driver, outcome) + 1
            - rank() over (partition by driver, outcome order by x desc)) / 2d as x_rank,
        (rank() over (partition by driver, outcome order by y)
            + count(*) over (partition by driver, outcome) + 1
            - rank() over (partition by driver, outcome order by y desc)) / 2d as y_rank
    from pairs
    where x is not null and y is not null
),

stats as (
    select
        driver,
        outcome,
        count(*) as team_months,
        corr(x_rank, y_rank) as spearman_rho,
        regr_slope(y, x) as slope
    from ranked
    group by driver, outcome
),

final as (
    select
        driver,
        outcome,
        team_months,
        spearman_rho,
        tanh(atanh(spearman_rho) - 1.96 * sqrt(1.06 / (team_months - 3))) as rho_lower_95,
        tanh(atanh(spearman_rho) + 1.96 * sqrt(1.06 / (team_months - 3))) as rho_upper_95,
        slope
    from stats
    where team_months > 3
)

select * from final
