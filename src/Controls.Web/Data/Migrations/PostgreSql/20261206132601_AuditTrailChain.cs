using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Controls.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AuditTrailChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "changes",
                table: "audit_trail",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "jsonb");

            migrationBuilder.AddColumn<string>(
                name: "hash",
                table: "audit_trail",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "previous_hash",
                table: "audit_trail",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "sequence",
                table: "audit_trail",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_trail_verifications",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    succeeded = table.Column<bool>(type: "boolean", nullable: false),
                    @checked = table.Column<long>(name: "checked", type: "bigint", nullable: false),
                    head_sequence = table.Column<long>(type: "bigint", nullable: true),
                    head_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    problem = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
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

            // text to jsonb needs an explicit cast (the other way round is automatic).
            migrationBuilder.Sql("ALTER TABLE audit_trail ALTER COLUMN changes TYPE jsonb USING changes::jsonb;");
        }
    }
}
