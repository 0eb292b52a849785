using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Controls.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditProgrammeApproval : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "approved_at",
                table: "audit_programmes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "approved_by_id",
                table: "audit_programmes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "submitted_at",
                table: "audit_programmes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "submitted_by_id",
                table: "audit_programmes",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "approved_at",
                table: "audit_programmes");

            migrationBuilder.DropColumn(
                name: "approved_by_id",
                table: "audit_programmes");

            migrationBuilder.DropColumn(
                name: "submitted_at",
                table: "audit_programmes");

            migrationBuilder.DropColumn(
                name: "submitted_by_id",
                table: "audit_programmes");
        }
    }
}
