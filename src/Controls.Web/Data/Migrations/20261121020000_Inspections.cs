using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Controls.Web.Data.Migrations;

/// <summary>
/// Self-inspections: contractors, schedules, inspections with answers, evidence and history,
/// department delegates, corrective actions, notifications and the mail outbox. Hand-written
/// (docs/adr/0003); the unique (schedule, target, period) index makes generation idempotent.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121020000_Inspections")]
public class Inspections : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "outbox_messages",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                notification_id = table.Column<Guid>(type: "uuid", nullable: true),
                to = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                body = table.Column<string>(type: "text", nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                attempts = table.Column<int>(type: "integer", nullable: false),
                next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_outbox_messages", x => x.id));

        migrationBuilder.CreateTable(
            name: "inspection_schedules",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                catalog_id = table.Column<Guid>(type: "uuid", nullable: false),
                measure_codes = table.Column<List<string>>(type: "text[]", nullable: false),
                targets = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                division_id = table.Column<Guid>(type: "uuid", nullable: true),
                department_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                recurrence = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                cron_expression = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                due_days = table.Column<int>(type: "integer", nullable: false),
                starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                ends_on = table.Column<DateOnly>(type: "date", nullable: true),
                time_zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                generated_through = table.Column<DateOnly>(type: "date", nullable: true),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_inspection_schedules", x => x.id);
                table.ForeignKey("fk_inspection_schedules_catalogs_catalog_id", x => x.catalog_id, "catalogs", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "answers",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                check_item_id = table.Column<Guid>(type: "uuid", nullable: false),
                value = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                review_comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                answered_by_id = table.Column<Guid>(type: "uuid", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_answers", x => x.id);
                table.ForeignKey("fk_answers_check_items_check_item_id", x => x.check_item_id, "check_items", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "evidence",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                answer_id = table.Column<Guid>(type: "uuid", nullable: true),
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
                table.PrimaryKey("pk_evidence", x => x.id);
                table.ForeignKey("fk_evidence_answers_answer_id", x => x.answer_id, "answers", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "contractors",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                services = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                entrusted_data = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                owning_department_id = table.Column<Guid>(type: "uuid", nullable: false),
                countries = table.Column<List<string>>(type: "text[]", nullable: false),
                handles_special_care_data = table.Column<bool>(type: "boolean", nullable: false),
                privacy_mark_expires_on = table.Column<DateOnly>(type: "date", nullable: true),
                isms_expires_on = table.Column<DateOnly>(type: "date", nullable: true),
                contract_starts_on = table.Column<DateOnly>(type: "date", nullable: true),
                contract_ends_on = table.Column<DateOnly>(type: "date", nullable: true),
                reoutsourcing_allowed = table.Column<bool>(type: "boolean", nullable: false),
                subcontractors = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_contractors", x => x.id));

        migrationBuilder.CreateTable(
            name: "corrective_actions",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                department_id = table.Column<Guid>(type: "uuid", nullable: false),
                inspection_id = table.Column<Guid>(type: "uuid", nullable: true),
                check_item_id = table.Column<Guid>(type: "uuid", nullable: true),
                action = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                root_cause = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                due_on = table.Column<DateOnly>(type: "date", nullable: false),
                status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                created_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                implemented_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                verified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                verified_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                effectiveness_note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_corrective_actions", x => x.id);
                table.ForeignKey("fk_corrective_actions_check_items_check_item_id", x => x.check_item_id, "check_items", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "department_delegates",
            columns: table => new
            {
                department_id = table.Column<Guid>(type: "uuid", nullable: false),
                user_id = table.Column<Guid>(type: "uuid", nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_department_delegates", x => new { x.department_id, x.user_id }));

        migrationBuilder.CreateTable(
            name: "inspections",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                schedule_id = table.Column<Guid>(type: "uuid", nullable: true),
                catalog_version_id = table.Column<Guid>(type: "uuid", nullable: false),
                measure_codes = table.Column<List<string>>(type: "text[]", nullable: false),
                department_id = table.Column<Guid>(type: "uuid", nullable: false),
                contractor_id = table.Column<Guid>(type: "uuid", nullable: true),
                target_key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                period_start = table.Column<DateOnly>(type: "date", nullable: false),
                period_end = table.Column<DateOnly>(type: "date", nullable: false),
                due_on = table.Column<DateOnly>(type: "date", nullable: false),
                status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                submitted_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                reviewed_by_id = table.Column<Guid>(type: "uuid", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_inspections", x => x.id);
                table.ForeignKey("fk_inspections_catalog_versions_catalog_version_id", x => x.catalog_version_id, "catalog_versions", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_inspections_contractors_contractor_id", x => x.contractor_id, "contractors", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_inspections_departments_department_id", x => x.department_id, "departments", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_inspections_inspection_schedules_schedule_id", x => x.schedule_id, "inspection_schedules", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "inspection_events",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                user_id = table.Column<Guid>(type: "uuid", nullable: true),
                actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_inspection_events", x => x.id);
                table.ForeignKey("fk_inspection_events_inspections_inspection_id", x => x.inspection_id, "inspections", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "notifications",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                user_id = table.Column<Guid>(type: "uuid", nullable: false),
                dedup_key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                body = table.Column<string>(type: "text", nullable: false),
                link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_notifications", x => x.id);
                table.ForeignKey("fk_notifications_users_user_id", x => x.user_id, "users", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("ix_answers_check_item_id", "answers", "check_item_id");

        migrationBuilder.CreateIndex("ix_answers_inspection_id_check_item_id", "answers", ["inspection_id", "check_item_id"], unique: true);

        migrationBuilder.CreateIndex("ix_contractors_name", "contractors", "name");

        migrationBuilder.CreateIndex("ix_contractors_owning_department_id", "contractors", "owning_department_id");

        migrationBuilder.CreateIndex("ix_corrective_actions_check_item_id", "corrective_actions", "check_item_id");

        migrationBuilder.CreateIndex("ix_corrective_actions_department_id_status", "corrective_actions", ["department_id", "status"]);

        migrationBuilder.CreateIndex("ix_corrective_actions_inspection_id", "corrective_actions", "inspection_id");

        migrationBuilder.CreateIndex("ix_corrective_actions_owner_id", "corrective_actions", "owner_id");

        migrationBuilder.CreateIndex("ix_department_delegates_user_id", "department_delegates", "user_id");

        migrationBuilder.CreateIndex("ix_evidence_answer_id", "evidence", "answer_id");

        migrationBuilder.CreateIndex("ix_inspection_events_inspection_id", "inspection_events", "inspection_id");

        migrationBuilder.CreateIndex("ix_inspection_schedules_catalog_id", "inspection_schedules", "catalog_id");

        migrationBuilder.CreateIndex("ix_inspections_catalog_version_id", "inspections", "catalog_version_id");

        migrationBuilder.CreateIndex("ix_inspections_contractor_id", "inspections", "contractor_id");

        migrationBuilder.CreateIndex("ix_inspections_department_id_status", "inspections", ["department_id", "status"]);

        migrationBuilder.CreateIndex("ix_inspections_schedule_id_target_key_period_start", "inspections", ["schedule_id", "target_key", "period_start"], unique: true);

        migrationBuilder.CreateIndex("ix_inspections_status_due_on", "inspections", ["status", "due_on"]);

        migrationBuilder.CreateIndex("ix_notifications_user_id_created_at", "notifications", ["user_id", "created_at"]);

        migrationBuilder.CreateIndex("ix_notifications_user_id_dedup_key", "notifications", ["user_id", "dedup_key"], unique: true);

        migrationBuilder.CreateIndex("ix_outbox_messages_sent_at_next_attempt_at", "outbox_messages", ["sent_at", "next_attempt_at"]);

        migrationBuilder.AddForeignKey("fk_answers_inspections_inspection_id", "answers", "inspection_id", "inspections", principalColumn: "id", onDelete: ReferentialAction.Restrict);

        migrationBuilder.AddForeignKey("fk_contractors_departments_owning_department_id", "contractors", "owning_department_id", "departments", principalColumn: "id", onDelete: ReferentialAction.Restrict);

        migrationBuilder.AddForeignKey("fk_corrective_actions_departments_department_id", "corrective_actions", "department_id", "departments", principalColumn: "id", onDelete: ReferentialAction.Restrict);

        migrationBuilder.AddForeignKey("fk_corrective_actions_inspections_inspection_id", "corrective_actions", "inspection_id", "inspections", principalColumn: "id", onDelete: ReferentialAction.Restrict);

        migrationBuilder.AddForeignKey("fk_corrective_actions_users_owner_id", "corrective_actions", "owner_id", "users", principalColumn: "id", onDelete: ReferentialAction.Restrict);

        migrationBuilder.AddForeignKey("fk_department_delegates_departments_department_id", "department_delegates", "department_id", "departments", principalColumn: "id", onDelete: ReferentialAction.Restrict);

        migrationBuilder.AddForeignKey("fk_department_delegates_users_user_id", "department_delegates", "user_id", "users", principalColumn: "id", onDelete: ReferentialAction.Restrict);

    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropForeignKey("fk_answers_inspections_inspection_id", "answers");
        migrationBuilder.DropForeignKey("fk_contractors_departments_owning_department_id", "contractors");
        migrationBuilder.DropForeignKey("fk_corrective_actions_departments_department_id", "corrective_actions");
        migrationBuilder.DropForeignKey("fk_corrective_actions_inspections_inspection_id", "corrective_actions");
        migrationBuilder.DropForeignKey("fk_corrective_actions_users_owner_id", "corrective_actions");
        migrationBuilder.DropForeignKey("fk_department_delegates_departments_department_id", "department_delegates");
        migrationBuilder.DropForeignKey("fk_department_delegates_users_user_id", "department_delegates");
        migrationBuilder.DropTable("notifications");
        migrationBuilder.DropTable("inspection_events");
        migrationBuilder.DropTable("corrective_actions");
        migrationBuilder.DropTable("department_delegates");
        migrationBuilder.DropTable("evidence");
        migrationBuilder.DropTable("answers");
        migrationBuilder.DropTable("inspections");
        migrationBuilder.DropTable("inspection_schedules");
        migrationBuilder.DropTable("contractors");
        migrationBuilder.DropTable("outbox_messages");
    }
}
