using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Controls.Web.Data.Migrations;

/// <summary>
/// Scheduled distribution of the management-review workbook: the schedules, and one delivery per
/// schedule and period (the unique index makes generation idempotent). Hand-written (docs/adr/0003).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121070000_ReportDistribution")]
public class ReportDistribution : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "report_schedules",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                frequency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                period = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                recipient_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                is_active = table.Column<bool>(type: "boolean", nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                created_by_id = table.Column<Guid>(type: "uuid", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_report_schedules", x => x.id));

        migrationBuilder.CreateTable(
            name: "report_deliveries",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                schedule_id = table.Column<Guid>(type: "uuid", nullable: false),
                period_key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                period_start = table.Column<DateOnly>(type: "date", nullable: false),
                period_end = table.Column<DateOnly>(type: "date", nullable: false),
                language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                storage_path = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                size = table.Column<long>(type: "bigint", nullable: false),
                recipient_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                generated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_report_deliveries", x => x.id);
                table.ForeignKey("fk_report_deliveries_report_schedules_schedule_id", x => x.schedule_id, "report_schedules", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("ix_report_deliveries_schedule_id_period_key", "report_deliveries", ["schedule_id", "period_key"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("report_deliveries");
        migrationBuilder.DropTable("report_schedules");
    }
}
