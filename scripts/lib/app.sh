# Shared by scripts/run and scripts/controls: build the app (incrementally) and find its binary.
ROOT=${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
CONFIGURATION=${CONTROLS_CONFIGURATION:-Release}
APP_DIR="$ROOT/src/Controls.Web"
APP_DLL="$APP_DIR/bin/$CONFIGURATION/net10.0/Controls.Web.dll"

require_dotnet() {
  command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is required: https://dot.net (dotnet not found on PATH)" >&2; exit 1; }
}

build_app() {
  if [ -f "$APP_DLL" ] && [ -z "$(find "$APP_DIR" "$ROOT/Directory.Build.props" "$ROOT/Directory.Packages.props" \
      -newer "$APP_DLL" -type f -not -path '*/bin/*' -not -path '*/obj/*' -print -quit)" ]; then
    return 0
  fi
  echo "Building Controls ($CONFIGURATION)..." >&2
  dotnet build "$APP_DIR" -c "$CONFIGURATION" --nologo -v quiet -clp:ErrorsOnly >&2
}

# Runs the app binary with the content root at the project (so appsettings.json and wwwroot are
# found) but in the caller's directory, so relative paths (catalog files, --out) mean what they say.
# Commands are one-off batch runs: workstation GC (the web app's server GC lets the heap grow far
# more before collecting; see src/Controls.Web/Features/Reports/README.md, "Measured").
controls_cli() {
  ASPNETCORE_CONTENTROOT="$APP_DIR" DOTNET_gcServer="${DOTNET_gcServer:-0}" dotnet "$APP_DLL" "$@"
}

# The database (docs/adr/0008): SQLite by default, in $CONTROLS_DATA_DIR (default .data/) as
# controls.db. With Database__Provider=PostgreSql: ConnectionStrings__Controls when set, otherwise
# a project-local PostgreSQL cluster under the data folder (started if needed).
# Sets LOCAL_DEMO_DATABASE=1 when the database is this script's own under the data folder (not one
# named by ConnectionStrings__Controls): only that one is seeded with the demo organisation unasked.
use_database() {
  LOCAL_DEMO_DATABASE=0
  local data_dir=${CONTROLS_DATA_DIR:-$ROOT/.data}
  case "$(echo "${Database__Provider:-sqlite}" | tr '[:upper:]' '[:lower:]')" in
    sqlite)
      export Database__Provider=Sqlite
      if [ -z "${ConnectionStrings__Controls:-}" ]; then
        LOCAL_DEMO_DATABASE=1
        mkdir -p "$data_dir"
        ConnectionStrings__Controls="Data Source=$(cd "$data_dir" && pwd)/controls.db"
        export ConnectionStrings__Controls
      fi
      DATABASE_DESCRIPTION="SQLite: ${ConnectionStrings__Controls#Data Source=}" ;;
    postgresql|postgres)
      export Database__Provider=PostgreSql
      if [ -z "${ConnectionStrings__Controls:-}" ]; then
        # shellcheck source=postgres.sh
        . "$ROOT/scripts/lib/postgres.sh"
        ensure_postgres_installed
        ConnectionStrings__Controls=$(cluster_start "$data_dir")
        export ConnectionStrings__Controls
        STARTED_LOCAL_CLUSTER=1
        LOCAL_DEMO_DATABASE=1
      fi
      DATABASE_DESCRIPTION="PostgreSQL" ;;
    *)
      echo "Database__Provider='${Database__Provider}' is not known: use Sqlite (the default) or PostgreSql." >&2
      exit 2 ;;
  esac
}
