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

  @Test
  void rendersRefSourceVarAndIncrementalBlocksKeepingLineNumbers() throws Exception {
    DbtProject p = DbtProject.load(project(Map.of("marts/m",
        "select *\nfrom {{ source('silver', 'work_items') }}\nwhere n < {{ var('limit') }} and k = {{ var('k', 'x') }}\n"
            + "{% if is_incremental() %}\nand d > (select max(d) from {{ this }})\n{% endif %}\nlimit 1")));
    Model m = p.models().get("m");
    String full = Templates.render(m, r -> r, (s, t) -> s + "." + t, p.vars(), "THIS", false);
    assertThat(full).contains("from silver.work_items").contains("n < 5 and k = x").doesNotContain("THIS");
    assertThat(full.split("\n", -1)[6]).as("line 7 stays line 7").isEqualTo("limit 1");
    assertThat(Templates.render(m, r -> r, (s, t) -> s + "." + t, p.vars(), "THIS", true))
        .contains("select max(d) from THIS");
  }

  @Test
  void unknownRefsCyclesAndUnsupportedJinjaAreRejectedWithFileAndLine() throws Exception {
    assertThatThrownBy(() -> DbtProject.load(project(Map.of("a", "select 1\nfrom {{ ref('nope') }}"))))
        .isInstanceOf(ModelException.class).hasMessageContaining("a.sql line 2").hasMessageContaining("ref('nope')");
    Files.delete(dir.resolve("models/a.sql"));
    assertThatThrownBy(() -> DbtProject.load(project(Map.of(
        "x", "select * from {{ ref('y') }}", "y", "select * from {{ ref('x') }}"))))
        .hasMessageContaining("cycle").hasMessageContaining("x -> y -> x");
    Files.delete(dir.resolve("models/x.sql"));
    Files.delete(dir.resolve("models/y.sql"));
    DbtProject p = DbtProject.load(project(Map.of("z", "select 1\n{% for i in range(3) %}{% endfor %}")));
    assertThatThrownBy(() -> Templates.render(p.models().get("z"), r -> r, (s, t) -> s, Map.of(), "", false))
        .hasMessageContaining("line 2").hasMessageContaining("unsupported tag");
  }
}
