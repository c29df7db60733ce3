"""argmap's own hostile suite: what a user with bad intent tries, one module per promise, each case asserting the
promise it tests (not only that nothing crashed).

Modules (``pytest tests/adversarial`` runs them in about half a minute; Graphviz tests are marked ``dot``):

- ``test_readers``: any input gives a map or a located ParseError or MapError: nesting, YAML tags and repeated keys,
  characters no output holds, huge numbers, empty and binary files, CRLF and CR, byte order marks.
- ``test_writers``: what a writer writes reads back equal, or a MapError names what it cannot write.
- ``test_injection``: user text stays text in DOT, SVG, HTML and Mermaid; links only web or relative; the model
  refuses what XML cannot hold.
- ``test_integrations``: MkDocs and Jupyter bound evaluation in time, keep user text as text, show refusals.
- ``test_hangs``: every search has a time bound; input shaped to make an algorithm quadratic stays linear.
- ``test_determinism``: every output byte-identical under three hash seeds.
- ``test_scale``: 200,000-deep chains through readers, writers, checks, evaluation and drawing.
- ``test_files``: outputs never destroy what was there (FIFOs, devices, links, long names, failed writes).
- ``test_cli``: the command exits 141 on a closed pipe, lets no id forge a line, fails in one line.
- ``test_index``: this index lists the seventeen failures and names only tests that exist.

The seventeen failures of issue 15, each with the tests that keep it out (in ``tests/adversarial/`` unless a path
says otherwise; ``...`` ends a long name):

1. Argdown writer, U+2028/U+2029 beside edge whitespace: ``test_writers::test_a_separator_beside_edge_...``;
   ``tests/test_format_contracts.py::test_any_unicode_text_reads_back_equal_or_is_refused_by_name``.
2. Argdown writer quadratic in section depth: ``test_writers::test_sections_nested_past_what_headings_hold_...``.
3. AIF writer, ``data["aif"]["type"]`` overrides the node type: ``test_writers::test_aif_data_never_changes_what_a_
   node_is`` (with and without a scheme).
4. AIF that argmap read written back as AIF it rejects: ``test_writers::test_aif_that_argmap_reads_is_written_back_
   as_aif_it_reads_equal``.
5. AIF with its ``NAME.txt`` in O(nodes x text): ``test_hangs::test_an_aif_map_with_a_long_text_beside_it_...``;
   ``test_readers::test_verbatim_look_up_agrees_with_plain_search``.
6. An odd ``NAME.txt`` makes AIF unreadable: ``test_readers::test_an_odd_text_beside_an_aif_map_never_makes_...``.
7. An ICCMA number past 4,300 digits, a bare ValueError: ``test_readers::test_a_number_longer_than_python_converts_
   is_a_located_parse_error``; ``test_cli::test_a_number_too_long_for_python_is_a_located_error_not_a_traceback``.
8. ``check()`` in O(quotes x source) for short quotes: ``benchmarks/quotes.py`` (growth at n and 4n);
   ``test_hangs::test_many_statements_quoting_one_passage_check_in_linear_time``.
9. Argdown reader quadratic in ``_drop_redundant_attacks``: ``test_hangs::test_attackers_of_a_long_argument_...``.
10. U+FFFE and U+FFFF accepted, SVG not well-formed: ``test_injection::test_characters_xml_cannot_hold_are_refused_
    by_the_model``, ``test_injection::test_every_text_the_model_accepts_is_xml_text``; ``test_integrations::test_a_
    mkdocs_fence_with_a_map_argmap_refuses_is_an_error_block_not_a_crash``.
11. A NUL byte in a Sphinx path aborts the build: ``tests/test_sphinx.py::test_a_nul_byte_in_a_map_path_is_a_located_
    warning``; ``tests/test_mkdocs.py::test_a_nul_byte_in_src_is_an_error_block_not_a_crash``.
12. Drawing under stable semantics without a time limit: ``test_hangs::test_drawing_a_hard_map_falls_back_...``
    (command and Python), ``test_hangs::test_evaluation_stops_at_its_timeout_with_a_search_limit``;
    ``test_integrations::test_a_notebook_draws_a_hard_map_...``, ``test_a_mkdocs_fence_draws_a_hard_map_...``;
    ``tests/test_sphinx.py::test_a_hard_evaluation_falls_back_to_grounded_with_a_warning``.
13. Writing to a FIFO or a device replaces it: ``test_files::test_a_fifo_is_written_into_not_replaced``,
    ``test_files::test_a_device_is_written_into_not_replaced`` (as root only).
14. An output name of 250 characters fails: ``test_files::test_a_name_near_the_file_system_limit_is_written``.
15. ``argmap evaluate`` prints ids unescaped: ``test_cli::test_evaluate_escapes_ids_so_that_none_forges_a_line``.
16. A closed pipe exits 0 with the output cut: ``test_cli::test_a_closed_pipe_exits_141_rather_than_0_...``;
    ``tests/test_cli.py::test_closed_stdout_is_quiet``.
17. YAML keys equal as text merge, ``.nan`` and ``.inf`` read: ``test_readers::test_yaml_data_that_json_cannot_
    carry_is_a_located_error``.

Two more found while building this suite, fixed at the mechanism with their tests: an argument with a scheme
whose ``data["aif"]`` named another type was still written as that type (``test_writers::test_aif_data_never_
changes_what_a_node_is``), and ``check()`` listed every pair of overlapping quotes, quadratic when many statements
quote one passage (``test_hangs::test_many_statements_quoting_one_passage_check_in_linear_time``).

Hostile cases that hold and are tested where their feature lives, not repeated here:

- YAML billion laughs: ``tests/test_argdown_read.py::test_a_billion_laughs_is_refused_quickly``.
- XML entity bombs and external entities (arg-microtexts): ``tests/test_microtexts.py::test_an_entity_bomb_is_
  refused_at_once``, ``test_a_doctype_with_declarations_is_refused``, ``test_an_entity_the_external_dtd_would_
  define_is_refused``.
- Paths out of the source tree (``..``, symbolic links): ``tests/test_sphinx.py::test_a_path_out_of_the_source_
  tree_is_refused``, ``tests/test_mkdocs.py::test_src_outside_the_docs_is_refused``.
- ``javascript:`` links from ``argmap_node_url``: ``tests/test_sphinx.py::test_argmap_node_url_links_nodes_and_
  drops_unsafe_links``; a hostile SVG cleaned: ``tests/test_svg.py``.
- Hostile Mermaid text and ids (a parser that accepts only the writer's lines): ``tests/test_mermaid.py::test_
  hostile_text_stays_inside_its_label``, ``test_hostile_ids_stay_inside_their_labels``.
- JSON integers too long to convert, lone surrogates, byte order marks: ``tests/test_json.py::test_integers_too_
  long_to_convert_are_a_map_error``, ``test_values_json_cannot_carry_are_reported``, ``test_a_byte_order_mark_is_
  allowed``.
- Finding messages on one line whatever the ids: ``tests/test_check.py::test_messages_stay_on_one_line``.
- Round trips over text from all of Unicode, per writer: ``tests/test_format_contracts.py``; hash seeds per format:
  the ``test_*hash_seed*`` tests of each format's module.
- 200,000-deep structures per feature: ``tests/test_model.py::test_deep_chain_builds_without_recursion``,
  ``tests/test_check.py::test_a_200000_deep_chain_of_arguments``, ``tests/test_argdown_write.py::test_a_long_
  chain_is_cut_into_snippets_without_recursion``, ``tests/test_selection.py``, ``tests/test_strength.py``.
- Coverage-guided fuzzing of the readers: ``make fuzz`` (``fuzz/run.py``, corpus in ``fuzz/corpus``); growth of
  every linear operation at n and 4n: ``make bench`` (``benchmarks/growth.py``, ``benchmarks/quotes.py``).
"""
