{#- The roster row in force on a row's local day: worker ids match and the day falls inside the
    roster row's validity. Every model that attributes work to a team or site joins this way. -#}
{% macro roster_on_day(roster, row) -%}
{{ roster }}.worker_id = {{ row }}.worker_id
        and {{ row }}.local_date between {{ roster }}.valid_from and {{ roster }}.valid_to
{%- endmacro %}
