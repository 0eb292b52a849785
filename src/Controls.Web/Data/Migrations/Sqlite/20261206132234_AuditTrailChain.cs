using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Controls.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditTrailChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "hash",
                table: "audit_trail",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "previous_hash",
                table: "audit_trail",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "sequence",
                table: "audit_trail",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_trail_verifications",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    succeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    @checked = table.Column<long>(name: "checked", type: "INTEGER", nullable: false),
                    head_sequence = table.Column<long>(type: "INTEGER", nullable: true),
                    head_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    problem = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_trail_verifications", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_trail_sequence",
                table: "audit_trail",
                column: "sequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_trail_verifications_at",
                table: "audit_trail_verifications",
                column: "at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_trail_verifications");

            migrationBuilder.DropIndex(
                name: "ix_audit_trail_sequence",
                table: "audit_trail");

            migrationBuilder.DropColumn(
                name: "hash",
                table: "audit_trail");

            migrationBuilder.DropColumn(
                name: "previous_hash",
                table: "audit_trail");

            migrationBuilder.DropColumn(
                name: "sequence",
                table: "audit_trail");
        }
    }
}
