{#- A sum of doubles depends on the order Spark adds the values in, which changes with the plan and
    the partitioning: a re-run, a cluster or dbt could differ from the Java runner in the last bits.
    Summed as decimals (to 12 places) the total is exact, so every engine returns the same double. -#}
{% macro exact_sum(expression) -%}
cast(sum(cast({{ expression }} as decimal(38, 12))) as double)
{%- endmacro %}

{% macro exact_avg(expression) -%}
cast(sum(cast({{ expression }} as decimal(38, 12))) / count({{ expression }}) as double)
{%- endmacro %}

{#- The sample variance from exact sums, so it too is the same on every engine and layout. -#}
{% macro exact_var_samp(expression) -%}
greatest(0d, (count({{ expression }}) * cast(sum(cast(pow({{ expression }}, 2) as decimal(38, 12))) as double)
        - pow(cast(sum(cast({{ expression }} as decimal(38, 12))) as double), 2))
        / (count({{ expression }}) * (count({{ expression }}) - 1)))
{%- endmacro %}
