export const HELP = `Usage: dockerfile-opt [lint] [options] [paths or globs...]
       dockerfile-opt rules [--format text|json]

Lint Dockerfiles. Directories (the current one when no path is given) are searched for
Dockerfile, Dockerfile.*, Dockerfile-*, *.Dockerfile, Containerfile and Containerfile.*
(any case), skipping node_modules, .git and what .gitignore and ignorePatterns exclude.

Fixing:
  --fix                     Apply safe fixes and write the files
  --unsafe-fixes            Apply unsafe fixes too (implies --fix); review the result
  --fix-dry-run             Compute fixes without writing; JSON results carry "output"

Output:
  -f, --format <name>       stylish (default) or json
  -o, --output-file <path>  Write the report to a file instead of standard output
  -q, --quiet               Report errors only
  --max-warnings <n>        Exit 1 when there are more than n warnings (default -1: no limit)
  --color, --no-color       Force colour on or off (default: on for a terminal, off with NO_COLOR)

Configuration:
  -c, --config <path>       Use this config file (.dockerfile-opt.json|yaml or .hadolint.yaml)
                            instead of the nearest one above each file
  --rule <id:severity>      Set a rule to off, warn or error (repeatable), e.g. --rule workdir-relative:error
  --no-ignore               Lint files that .gitignore or ignorePatterns exclude
  --concurrency <n|auto|off>
                            Lint on n worker threads; auto: one per two cores, when there are at
                            least 100 files per thread; off (default): in one thread

Input:
  --stdin                   Lint standard input
  --stdin-filename <path>   The path standard input stands for (config lookup, overrides, build context)

  -h, --help                Show this help
  -v, --version             Show the version

Exit codes: 0 no errors (and warnings within --max-warnings), 1 problems found,
2 usage, configuration or file error.
`;
