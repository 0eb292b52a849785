using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Controls.Web.Data.Migrations;

/// <summary>
/// Follow-up audits and audit evidence: audits.follow_up_of_audit_id links a follow-up audit to the
/// audit whose open findings it re-checks; finding_rechecks holds one row per carried finding
/// (unique per follow-up); audit_evidence lists the evidence files of audit tests and findings
/// (the files themselves are in the evidence store). Hand-written (docs/adr/0003).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121060000_AuditFollowUps")]
public class AuditFollowUps : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>("follow_up_of_audit_id", "audits", type: "uuid", nullable: true);
        migrationBuilder.AddForeignKey("fk_audits_audits_follow_up_of_audit_id", "audits", "follow_up_of_audit_id", "audits", principalColumn: "id",
            onDelete: ReferentialAction.Restrict);
        migrationBuilder.CreateIndex("ix_audits_follow_up_of_audit_id", "audits", "follow_up_of_audit_id");

        migrationBuilder.CreateTable(
            name: "finding_rechecks",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                audit_id = table.Column<Guid>(type: "uuid", nullable: false),
                finding_id = table.Column<Guid>(type: "uuid", nullable: false),
                result = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                checked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                checked_by_id = table.Column<Guid>(type: "uuid", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_finding_rechecks", x => x.id);
                table.ForeignKey("fk_finding_rechecks_audits_audit_id", x => x.audit_id, "audits", "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_finding_rechecks_findings_finding_id", x => x.finding_id, "findings", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "audit_evidence",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                audit_id = table.Column<Guid>(type: "uuid", nullable: false),
                measure_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                finding_id = table.Column<Guid>(type: "uuid", nullable: true),
                file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                size = table.Column<long>(type: "bigint", nullable: false),
                sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                storage_path = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                uploaded_by_id = table.Column<Guid>(type: "uuid", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_audit_evidence", x => x.id);
                table.ForeignKey("fk_audit_evidence_audits_audit_id", x => x.audit_id, "audits", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_audit_evidence_findings_finding_id", x => x.finding_id, "findings", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("ix_finding_rechecks_audit_id_finding_id", "finding_rechecks", ["audit_id", "finding_id"], unique: true);
        migrationBuilder.CreateIndex("ix_finding_rechecks_finding_id", "finding_rechecks", "finding_id");
        migrationBuilder.CreateIndex("ix_audit_evidence_audit_id_measure_code", "audit_evidence", ["audit_id", "measure_code"]);
        migrationBuilder.CreateIndex("ix_audit_evidence_finding_id", "audit_evidence", "finding_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("audit_evidence");
        migrationBuilder.DropTable("finding_rechecks");
        migrationBuilder.DropForeignKey("fk_audits_audits_follow_up_of_audit_id", "audits");
        migrationBuilder.DropIndex("ix_audits_follow_up_of_audit_id", "audits");
        migrationBuilder.DropColumn("follow_up_of_audit_id", "audits");
    }
}
