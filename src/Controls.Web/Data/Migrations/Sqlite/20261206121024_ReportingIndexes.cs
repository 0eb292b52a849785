using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Controls.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportingIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_inspections_period_start_status_department_id",
                table: "inspections",
                columns: new[] { "period_start", "status", "department_id" });

            migrationBuilder.CreateIndex(
                name: "ix_inspection_scores_covering",
                table: "inspection_scores",
                columns: new[] { "inspection_id", "category", "points", "counted" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_inspections_period_start_status_department_id",
                table: "inspections");

            migrationBuilder.DropIndex(
                name: "ix_inspection_scores_covering",
                table: "inspection_scores");
        }
    }
}
