package io.engineroom.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestDbtProject {
  @TempDir Path dir;

  private Path project(Map<String, String> models) throws Exception {
    Files.writeString(dir.resolve("dbt_project.yml"), "name: p\nvars:\n  limit: 5\nmodels:\n  p:\n    marts:\n"
        + "      +materialized: table\n");
    for (Map.Entry<String, String> m : models.entrySet()) {
      Path f = dir.resolve("models").resolve(m.getKey() + ".sql");
      Files.createDirectories(f.getParent());
      Files.writeString(f, m.getValue());
    }
    return dir;
  }

  @Test
  void ordersModelsAfterWhatTheyRefAndAppliesFolderDefaults() throws Exception {
    DbtProject p = DbtProject.load(project(Map.of(
        "staging/stg_a", "select 1 as id",
        "intermediate/int_b", "select * from {{ ref('stg_a') }}",
        "marts/fct_c", "{{ config(materialized='table', tags=['daily']) }}\nselect * from {{ ref('int_b') }} "
            + "join {{ ref('stg_a') }} using (id)")));
    List<String> order = p.order(p.models().keySet()).stream().map(Model::name).collect(Collectors.toList());
    assertThat(order).containsExactly("stg_a", "int_b", "fct_c");
    assertThat(p.models().get("fct_c").materialized()).isEqualTo("table");
    assertThat(p.models().get("stg_a").materialized()).as("no default: a view").isEqualTo("view");
    assertThat(p.models().get("fct_c").isMart()).isTrue();
    assertThat(Selection.resolve(p, List.of("+fct_c"))).containsExactlyInAnyOrder("fct_c", "int_b", "stg_a");
    assertThat(Selection.resolve(p, List.of("int_b+"))).containsExactlyInAnyOrder("int_b", "fct_c");
    assertThat(Selection.resolve(p, List.of("tag:daily"))).containsExactly("fct_c");
    assertThat(Selection.resolve(p, List.of("path:models/staging"))).containsExactly("stg_a");
  }

  private static String run(DbtProject p, String model, boolean incremental) {
    Model m = p.models().get(model);
    return p.render(m.file(), m.rawSql(), new RunScope(r -> "rel_" + r, (s, t) -> s + "." + t, p.vars(), "THIS",
        incremental));
  }

  @Test
  void rendersRefSourceVarThisAndIncrementalBlocks() throws Exception {
    DbtProject p = DbtProject.load(project(Map.of("marts/m",
        "select *\nfrom {{ source('silver', 'work_items') }}\nwhere n < {{ var('limit') }} and k = {{ var('k', 'x') }}\n"
            + "{% if is_incremental() %}\nand d > (select max(d) from {{ this }})\n{% endif %}\nlimit 1")));
    assertThat(p.models().get("m").sources()).containsExactly("silver.work_items");
    String full = run(p, "m", false);
    assertThat(full).contains("from silver.work_items").contains("n < 5 and k = x").doesNotContain("THIS");
    assertThat(run(p, "m", true)).contains("select max(d) from THIS");
  }

  @Test
  void dependenciesAreWhatAParseRenderRefsAsInDbt() throws Exception {
    DbtProject p = DbtProject.load(project(Map.of(
        "a", "select 1 as id", "b", "select 2 as id",
        "c", "-- depends_on: {{ ref('b') }}\nselect * from {{ ref('a') }}\n"
            + "{% if is_incremental() %}union all select * from {{ ref('b') }}{% endif %}",
        "d", "select * from {{ ref('a') }}\n{% if is_incremental() %}join {{ ref('b') }}{% endif %}")));
    assertThat(p.models().get("c").refs()).containsExactly("b", "a");
    assertThat(p.models().get("d").refs()).as("a ref only inside is_incremental() is not seen at parse")
        .containsExactly("a");
  }

  @Test
  void jinjaAndTheProjectsMacrosRenderAsDbtWouldRenderThem() throws Exception {
    Files.createDirectories(dir.resolve("macros"));
    Files.writeString(dir.resolve("macros/sums.sql"), "{% macro sum_of(columns) -%}\n"
        + "{% for c in columns %}sum({{ c }}) as {{ c }}_total{% if not loop.last %}, {% endif %}{% endfor %}\n"
        + "{%- endmacro %}\n");
    DbtProject p = DbtProject.load(project(Map.of(
        "staging/stg_a", "select 1 as a, 2 as b",
        "marts/m", "{% set cols = ['a', 'b'] %}\n{{ config(materialized='incremental', unique_key=['a', 'b'], "
            + "tags=['daily', 'finance']) }}\nselect {{ sum_of(cols) }} from {{ ref('stg_a') }}"
            + "{% if execute %} -- executing{% endif %}\n-- {{ cols }} {{ 1 + 2 * 3 }}{% for k in {'x': 1} %} {{ k }}{% endfor %}")));
    Model m = p.models().get("m");
    assertThat(m.refs()).containsExactly("stg_a");
    assertThat(m.uniqueKey()).containsExactly("a", "b");
    assertThat(m.tags()).containsExactly("daily", "finance");
    assertThat(run(p, "m", false).strip()).as("as Jinja2 renders it").isEqualTo(
        "select sum(a) as a_total, sum(b) as b_total from rel_stg_a -- executing\n-- ['a', 'b'] 7 x");
  }

  @Test
  void unknownRefsCyclesAndBrokenJinjaAreRejectedWithFileAndLine() throws Exception {
    assertThatThrownBy(() -> DbtProject.load(project(Map.of("a", "select 1\nfrom {{ ref('nope') }}"))))
        .isInstanceOf(ModelException.class).hasMessageContaining("a.sql line 2").hasMessageContaining("ref('nope')");
    Files.delete(dir.resolve("models/a.sql"));
    assertThatThrownBy(() -> DbtProject.load(project(Map.of(
        "x", "select * from {{ ref('y') }}", "y", "select * from {{ ref('x') }}"))))
        .hasMessageContaining("cycle").hasMessageContaining("x -> y -> x");
    Files.delete(dir.resolve("models/x.sql"));
    Files.delete(dir.resolve("models/y.sql"));
    Map<String, String> broken = Map.of(
        "select 1\n\nfrom {{ no_such_table }}", "line 3: 'no_such_table' is not defined",
        "select 1\nfrom {{ no_such_macro('a') }}", "line 2: Could not resolve function 'no_such_macro'",
        "select 1\n{% frobnicate %}", "line 2",
        "select {{ var('missing') }}", "var('missing') has no value and no default",
        "{{ config('table') }}", "config() takes named settings only");
    for (Map.Entry<String, String> b : broken.entrySet()) {
      Files.writeString(dir.resolve("models/z.sql"), b.getKey());
      assertThatThrownBy(() -> DbtProject.load(dir)).as(b.getKey())
          .isInstanceOf(ModelException.class).hasMessageContaining("z.sql").hasMessageContaining(b.getValue());
    }
    Files.writeString(dir.resolve("models/z.sql"), "select {{ ok() }}");
    Files.createDirectories(dir.resolve("macros"));
    Files.writeString(dir.resolve("macros/broken.sql"), "{% macro ok() %}1{% endmacro %}\n{% macro bad( %}{% endmacro %}");
    assertThatThrownBy(() -> DbtProject.load(dir)).hasMessageContaining("broken.sql line 2");
  }
}
