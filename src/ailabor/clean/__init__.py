"""Pure cleaning functions, one module per concern. Each takes and returns plain
values or frames, has a docstring example, and is unit-tested on tiny frames."""
