using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Controls.Web.Data.Migrations;

/// <summary>
/// Internal audits: the annual programme, audits with their team, audit tests with sampling and
/// findings, the personal calendar feeds and the programme rules (audits.rule_key is unique: a rule plans each audit once). A finding points at its corrective action (the shared corrective-action table is
/// fixed); the unique index keeps one finding per action. Hand-written (docs/adr/0003).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121030000_Audits")]
public class Audits : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "audit_programmes",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                fiscal_year = table.Column<int>(type: "integer", nullable: false),
                status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_audit_programmes", x => x.id));

        migrationBuilder.CreateTable(
            name: "audit_rules",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                target = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                per_year = table.Column<int>(type: "integer", nullable: false),
                catalog_id = table.Column<Guid>(type: "uuid", nullable: false),
                window_days = table.Column<int>(type: "integer", nullable: false),
                notice_days = table.Column<int>(type: "integer", nullable: false),
                is_active = table.Column<bool>(type: "boolean", nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_audit_rules", x => x.id);
                table.ForeignKey("fk_audit_rules_catalogs_catalog_id", x => x.catalog_id, "catalogs", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "audits",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                department_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                contractor_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                catalog_version_id = table.Column<Guid>(type: "uuid", nullable: false),
                measure_codes = table.Column<List<string>>(type: "text[]", nullable: false),
                window_start = table.Column<DateOnly>(type: "date", nullable: false),
                window_end = table.Column<DateOnly>(type: "date", nullable: false),
                lead_auditor_id = table.Column<Guid>(type: "uuid", nullable: false),
                status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                closing_reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                closed_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                created_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                rule_id = table.Column<Guid>(type: "uuid", nullable: true),
                rule_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_audits", x => x.id);
                table.ForeignKey("fk_audits_audit_rules_rule_id", x => x.rule_id, "audit_rules", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_audits_audit_programmes_programme_id", x => x.programme_id, "audit_programmes", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_audits_catalog_versions_catalog_version_id", x => x.catalog_version_id, "catalog_versions", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_audits_users_lead_auditor_id", x => x.lead_auditor_id, "users", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "audit_team_members",
            columns: table => new
            {
                audit_id = table.Column<Guid>(type: "uuid", nullable: false),
                user_id = table.Column<Guid>(type: "uuid", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_audit_team_members", x => new { x.audit_id, x.user_id });
                table.ForeignKey("fk_audit_team_members_audits_audit_id", x => x.audit_id, "audits", "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_audit_team_members_users_user_id", x => x.user_id, "users", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "audit_tests",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                audit_id = table.Column<Guid>(type: "uuid", nullable: false),
                measure_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                procedure = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                inspected = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                population_size = table.Column<int>(type: "integer", nullable: true),
                sample_size = table.Column<int>(type: "integer", nullable: true),
                method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                seed = table.Column<int>(type: "integer", nullable: true),
                sample_items = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                result = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                tested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                tested_by_id = table.Column<Guid>(type: "uuid", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_audit_tests", x => x.id);
                table.ForeignKey("fk_audit_tests_audits_audit_id", x => x.audit_id, "audits", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "findings",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                audit_id = table.Column<Guid>(type: "uuid", nullable: false),
                classification = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                measure_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                check_item_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                department_id = table.Column<Guid>(type: "uuid", nullable: false),
                evidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                corrective_action_id = table.Column<Guid>(type: "uuid", nullable: true),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                created_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_findings", x => x.id);
                table.ForeignKey("fk_findings_audits_audit_id", x => x.audit_id, "audits", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_findings_corrective_actions_corrective_action_id", x => x.corrective_action_id, "corrective_actions", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_findings_departments_department_id", x => x.department_id, "departments", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "calendar_feeds",
            columns: table => new
            {
                user_id = table.Column<Guid>(type: "uuid", nullable: false),
                token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_calendar_feeds", x => x.user_id);
                table.ForeignKey("fk_calendar_feeds_users_user_id", x => x.user_id, "users", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("ix_calendar_feeds_token_hash", "calendar_feeds", "token_hash", unique: true);

        migrationBuilder.CreateIndex("ix_audit_programmes_fiscal_year", "audit_programmes", "fiscal_year", unique: true);

        migrationBuilder.CreateIndex("ix_audit_team_members_user_id", "audit_team_members", "user_id");

        migrationBuilder.CreateIndex("ix_audit_tests_audit_id_measure_code", "audit_tests", ["audit_id", "measure_code"], unique: true);

        migrationBuilder.CreateIndex("ix_audits_catalog_version_id", "audits", "catalog_version_id");

        migrationBuilder.CreateIndex("ix_audits_lead_auditor_id", "audits", "lead_auditor_id");

        migrationBuilder.CreateIndex("ix_audits_programme_id", "audits", "programme_id");

        migrationBuilder.CreateIndex("ix_audit_rules_catalog_id", "audit_rules", "catalog_id");

        migrationBuilder.CreateIndex("ix_audits_rule_id", "audits", "rule_id");

        migrationBuilder.CreateIndex("ix_audits_rule_key", "audits", "rule_key", unique: true);

        migrationBuilder.CreateIndex("ix_audits_status_window_start", "audits", ["status", "window_start"]);

        migrationBuilder.CreateIndex("ix_findings_audit_id", "findings", "audit_id");

        migrationBuilder.CreateIndex("ix_findings_corrective_action_id", "findings", "corrective_action_id", unique: true);

        migrationBuilder.CreateIndex("ix_findings_department_id_status", "findings", ["department_id", "status"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("calendar_feeds");
        migrationBuilder.DropTable("findings");
        migrationBuilder.DropTable("audit_tests");
        migrationBuilder.DropTable("audit_team_members");
        migrationBuilder.DropTable("audits");
        migrationBuilder.DropTable("audit_rules");
        migrationBuilder.DropTable("audit_programmes");
    }
}
