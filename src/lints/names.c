/* Lint group "names": see include/ctscan/lint.h for the framework. */
#include "ctscan/lint.h"
#include "lints_internal.h"

const cts_lint_group cts_lint_group_names = {NULL, 0};
