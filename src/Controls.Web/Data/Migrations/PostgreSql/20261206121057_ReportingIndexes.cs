using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Controls.Web.Data.Migrations.PostgreSql
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_inspections_period_start_status_department_id",
                table: "inspections");
        }
    }
}
