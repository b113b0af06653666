-- Multiply an amount in `currency` by `to_reporting` to express it in the reporting currency.
-- Rates come from the fx_rates seed (units of each currency per euro); replace the seed with your
-- treasury's month-end rates.
with rates as (
    select * from {{ ref('fx_rates') }}
),

reporting as (
    select units_per_eur from rates where currency = '{{ var("reporting_currency") }}'
),

final as (
    select
        r.currency,
        '{{ var("reporting_currency") }}' as reporting_currency,
        rep.units_per_eur / r.units_per_eur as to_reporting
    from rates as r
    cross join reporting as rep
)

select * from final
