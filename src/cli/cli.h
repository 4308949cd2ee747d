/* Subcommands of the ctscan command line; each returns the exit status. */
#ifndef CTSCAN_CLI_H
#define CTSCAN_CLI_H

#define CTS_EXIT_USAGE 1
#define CTS_EXIT_INTERNAL 2

int cts_cli_lint(int argc, char **argv);
int cts_cli_list_lints(int argc, char **argv);
int cts_cli_pack(int argc, char **argv);
int cts_cli_merge(int argc, char **argv);

#endif
