{#- The local dates an incremental mart keyed by day recomputes, given `since`, the newest delivery
    the mart already reflects (its max last_delivery_date):
    - the days of work items with events delivered after it; an item's events are only ever added,
      so its old days lie between its first and last event's day too (a day either side for the cut
      at the site's midnight);
    - days of desktop activity that a later delivery rebuilt;
    - days under a goal row that a later goals delivery added, altered or dropped;
    - the days from `since` to two days after: a roster snapshot changes days from its own date on,
      and a day's data arrives at most two deliveries early (sites ahead of UTC), so any day of a
      later snapshot whose data came earlier is among them.
    Pass the staging relations as refs so that both runners see the dependencies; a mart that uses
    no desktop activity or no goals leaves those out. -#}
{% macro touched_local_dates(since, work_items, active_intervals='', goal_changes='') -%}
select explode(sequence(date_sub(first_event_date, 1), date_add(last_event_date, 1))) as local_date
    from {{ work_items }}
    where last_delivery_date > {{ since }}
    union
{%- if active_intervals %}
    select local_date
    from {{ active_intervals }}
    where last_delivery_date > {{ since }}
    union
{%- endif %}
{%- if goal_changes %}
    select explode(sequence(changed_from, least(changed_to, {{ since }}))) as local_date
    from {{ goal_changes }}
    where delivery_date > {{ since }} and changed_from <= {{ since }}
    union
{%- endif %}
    select explode(sequence({{ since }}, date_add({{ since }}, 2))) as local_date
{%- endmacro %}

{#- The newest delivery an incremental model already reflects; the beginning of time when it is empty. -#}
{% macro delivered_through(relation) -%}
(select coalesce(max(last_delivery_date), date '0001-01-01') from {{ relation }})
{%- endmacro %}
