using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Controls.Web.Data.Migrations;

/// <summary>
/// The published statement of security measures taken (Art. 32(1)): the organisation's wording and
/// withheld measures, its notes on foreign countries, and the immutable published versions.
/// Hand-written (docs/adr/0003).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121090000_Statement")]
public class Statement : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "statement_measures",
            columns: table => new
            {
                catalog_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                measure_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                wording_ja = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                wording_en = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                withheld = table.Column<bool>(type: "boolean", nullable: false),
                withheld_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                updated_by_id = table.Column<Guid>(type: "uuid", nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_statement_measures", x => new { x.catalog_key, x.measure_code }));

        migrationBuilder.CreateTable(
            name: "statement_country_notes",
            columns: table => new
            {
                country_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                note_ja = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                note_en = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_statement_country_notes", x => x.country_code));

        migrationBuilder.CreateTable(
            name: "statement_versions",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                number = table.Column<int>(type: "integer", nullable: false),
                published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                published_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                published_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                text_ja = table.Column<string>(type: "text", nullable: false),
                text_en = table.Column<string>(type: "text", nullable: false),
                paragraphs_ja = table.Column<string>(type: "text", nullable: false),
                paragraphs_en = table.Column<string>(type: "text", nullable: false),
                countries = table.Column<List<string>>(type: "text[]", nullable: false),
                withheld = table.Column<List<string>>(type: "text[]", nullable: false),
                warnings_ja = table.Column<List<string>>(type: "text[]", nullable: false),
                warnings_en = table.Column<List<string>>(type: "text[]", nullable: false),
                warning_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_statement_versions", x => x.id);
                table.ForeignKey("fk_statement_versions_users_published_by_id", x => x.published_by_id, "users", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("ix_statement_versions_number", "statement_versions", "number", unique: true);

        migrationBuilder.CreateIndex("ix_statement_versions_published_by_id", "statement_versions", "published_by_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "statement_measures");
        migrationBuilder.DropTable(name: "statement_country_notes");
        migrationBuilder.DropTable(name: "statement_versions");
    }
}
