/* Lint group "ca": see include/ctscan/lint.h for the framework. */
#include "ctscan/lint.h"
#include "lints_internal.h"

const cts_lint_group cts_lint_group_ca = {NULL, 0};
