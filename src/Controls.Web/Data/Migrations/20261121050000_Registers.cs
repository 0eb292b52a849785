using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Controls.Web.Data.Migrations;

/// <summary>
/// The registers behind the measures: the incident register (漏えい等事案) with its reportability
/// decision and report dates, the personal-data ledger (個人データ取扱台帳), and
/// training sessions, attendance and confidentiality pledges (HUM-1). Hand-written (docs/adr/0003).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121050000_Registers")]
public class Registers : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "incidents",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                discovered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                aware_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                department_id = table.Column<Guid>(type: "uuid", nullable: false),
                contractor_id = table.Column<Guid>(type: "uuid", nullable: true),
                ledger_entry_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                data_sets = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                people_count = table.Column<int>(type: "integer", nullable: false),
                data_items = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                special_care_data = table.Column<bool>(type: "boolean", nullable: false),
                financial_harm_risk = table.Column<bool>(type: "boolean", nullable: false),
                suspected_malice = table.Column<bool>(type: "boolean", nullable: false),
                encrypted = table.Column<bool>(type: "boolean", nullable: false),
                description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                cause = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                secondary_harm = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                response_to_individuals = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                publication = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                recurrence_prevention = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                other = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                reportable_decision = table.Column<bool>(type: "boolean", nullable: true),
                decision_reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                decided_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                preliminary_reported_on = table.Column<DateOnly>(type: "date", nullable: true),
                final_reported_on = table.Column<DateOnly>(type: "date", nullable: true),
                individuals_notified_on = table.Column<DateOnly>(type: "date", nullable: true),
                individuals_notification = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                created_by_id = table.Column<Guid>(type: "uuid", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_incidents", x => x.id);
                table.ForeignKey("fk_incidents_contractors_contractor_id", x => x.contractor_id, "contractors", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_incidents_departments_department_id", x => x.department_id, "departments", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ledger_entries",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                department_id = table.Column<Guid>(type: "uuid", nullable: false),
                name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                kind = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                data_items = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                purpose = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                responsible_person = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                accessible_by = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                storage_location = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                storage_method = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                medium = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                countries = table.Column<List<string>>(type: "text[]", nullable: false),
                people = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                special_care_data = table.Column<bool>(type: "boolean", nullable: false),
                encrypted_at_rest = table.Column<bool>(type: "boolean", nullable: false),
                retained_personal_data = table.Column<bool>(type: "boolean", nullable: false),
                acquisition_method = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                purpose_notification = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                consent = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                third_party_provision = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                contractor_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                subcontractors = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                retention_period = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                disposal_method = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                last_reviewed_on = table.Column<DateOnly>(type: "date", nullable: true),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_ledger_entries", x => x.id);
                table.ForeignKey("fk_ledger_entries_departments_department_id", x => x.department_id, "departments", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("ix_ledger_entries_department_id_name", "ledger_entries", ["department_id", "name"]);

        migrationBuilder.CreateTable(
            name: "training_sessions",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                held_on = table.Column<DateOnly>(type: "date", nullable: false),
                mandatory = table.Column<bool>(type: "boolean", nullable: false),
                material = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_training_sessions", x => x.id));

        migrationBuilder.CreateTable(
            name: "training_attendances",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                session_id = table.Column<Guid>(type: "uuid", nullable: false),
                user_id = table.Column<Guid>(type: "uuid", nullable: false),
                completed = table.Column<bool>(type: "boolean", nullable: false),
                score = table.Column<int>(type: "integer", nullable: true),
                recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_training_attendances", x => x.id);
                table.ForeignKey("fk_training_attendances_training_sessions_session_id", x => x.session_id, "training_sessions", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_training_attendances_users_user_id", x => x.user_id, "users", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "confidentiality_pledges",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                user_id = table.Column<Guid>(type: "uuid", nullable: false),
                signed_on = table.Column<DateOnly>(type: "date", nullable: false),
                recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_confidentiality_pledges", x => x.id);
                table.ForeignKey("fk_confidentiality_pledges_users_user_id", x => x.user_id, "users", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("ix_training_sessions_held_on", "training_sessions", "held_on");

        migrationBuilder.CreateIndex("ix_training_attendances_session_id_user_id", "training_attendances", ["session_id", "user_id"], unique: true);

        migrationBuilder.CreateIndex("ix_training_attendances_user_id", "training_attendances", "user_id");

        migrationBuilder.CreateIndex("ix_confidentiality_pledges_user_id", "confidentiality_pledges", "user_id");

        migrationBuilder.CreateTable(
            name: "incident_actions",
            columns: table => new
            {
                incident_id = table.Column<Guid>(type: "uuid", nullable: false),
                corrective_action_id = table.Column<Guid>(type: "uuid", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_incident_actions", x => new { x.incident_id, x.corrective_action_id });
                table.ForeignKey("fk_incident_actions_corrective_actions_corrective_action_id", x => x.corrective_action_id, "corrective_actions", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_incident_actions_incidents_incident_id", x => x.incident_id, "incidents", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("ix_incident_actions_corrective_action_id", "incident_actions", "corrective_action_id", unique: true);

        migrationBuilder.CreateIndex("ix_incidents_contractor_id", "incidents", "contractor_id");

        migrationBuilder.CreateIndex("ix_incidents_department_id_aware_at", "incidents", ["department_id", "aware_at"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "incident_actions");
        migrationBuilder.DropTable(name: "incidents");
        migrationBuilder.DropTable(name: "ledger_entries");
        migrationBuilder.DropTable(name: "training_attendances");
        migrationBuilder.DropTable(name: "confidentiality_pledges");
        migrationBuilder.DropTable(name: "training_sessions");
    }
}
