using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Controls.Web.Data.Migrations.PostgreSql
{
    /// <summary>
    /// Quartz.NET kept its job store in qrtz_* tables of the app's database (until 2026-12); the
    /// jobs now run on Hangfire (docs/adr/0009), which keeps its own schema. Nothing of the
    /// business was in those tables. A no-op on databases that never had them.
    /// </summary>
    public partial class RetireQuartz : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TABLE IF EXISTS qrtz_blob_triggers, qrtz_calendars, qrtz_cron_triggers, qrtz_execution_history,
                  qrtz_fired_triggers, qrtz_job_details, qrtz_job_status, qrtz_locks, qrtz_misfire_history,
                  qrtz_paused_job_grps, qrtz_paused_trigger_grps, qrtz_scheduler_state, qrtz_simple_triggers,
                  qrtz_simprop_triggers, qrtz_triggers CASCADE;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
