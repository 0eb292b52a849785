using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Controls.Web.Data.Migrations;

/// <summary>Checklist catalogs, their versions, measures and check items. Hand-written (docs/adr/0003).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121010000_Catalogs")]
public class Catalogs : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "catalogs",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                target = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                is_built_in = table.Column<bool>(type: "boolean", nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_catalogs", x => x.id));

        migrationBuilder.CreateTable(
            name: "catalog_versions",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                catalog_id = table.Column<Guid>(type: "uuid", nullable: false),
                number = table.Column<int>(type: "integer", nullable: false),
                label = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                guideline = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                title_ja = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                title_en = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                description_ja = table.Column<string>(type: "text", nullable: false),
                description_en = table.Column<string>(type: "text", nullable: false),
                content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                imported_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_catalog_versions", x => x.id);
                table.ForeignKey("fk_catalog_versions_catalogs_catalog_id", x => x.catalog_id, "catalogs", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "measures",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                catalog_version_id = table.Column<Guid>(type: "uuid", nullable: false),
                code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                title_ja = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                title_en = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                description_ja = table.Column<string>(type: "text", nullable: false),
                description_en = table.Column<string>(type: "text", nullable: false),
                recurrence = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                iso27001 = table.Column<List<string>>(type: "text[]", nullable: false),
                statement_ja = table.Column<string>(type: "text", nullable: false),
                statement_en = table.Column<string>(type: "text", nullable: false),
                sort_order = table.Column<int>(type: "integer", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_measures", x => x.id);
                table.ForeignKey("fk_measures_catalog_versions_catalog_version_id", x => x.catalog_version_id, "catalog_versions", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "check_items",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                measure_id = table.Column<Guid>(type: "uuid", nullable: false),
                code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                question_ja = table.Column<string>(type: "text", nullable: false),
                question_en = table.Column<string>(type: "text", nullable: false),
                guidance_ja = table.Column<string>(type: "text", nullable: false),
                guidance_en = table.Column<string>(type: "text", nullable: false),
                evidence_ja = table.Column<string>(type: "text", nullable: false),
                evidence_en = table.Column<string>(type: "text", nullable: false),
                small_business = table.Column<bool>(type: "boolean", nullable: false),
                sort_order = table.Column<int>(type: "integer", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_check_items", x => x.id);
                table.ForeignKey("fk_check_items_measures_measure_id", x => x.measure_id, "measures", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("ix_catalog_versions_catalog_id_number", "catalog_versions", ["catalog_id", "number"], unique: true);
        migrationBuilder.CreateIndex("ix_catalogs_key", "catalogs", "key", unique: true);
        migrationBuilder.CreateIndex("ix_check_items_measure_id_code", "check_items", ["measure_id", "code"], unique: true);
        migrationBuilder.CreateIndex("ix_measures_catalog_version_id_code", "measures", ["catalog_version_id", "code"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("check_items");
        migrationBuilder.DropTable("measures");
        migrationBuilder.DropTable("catalog_versions");
        migrationBuilder.DropTable("catalogs");
    }
}
