using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Controls.Web.Data.Migrations;

/// <summary>
/// Accounts (Identity), departments, audit trail, organisation settings, data-protection keys,
/// job runs; the five roles and the settings row. Hand-written (see docs/adr/0003).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121000000_Foundation")]
public class Foundation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "audit_trail",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                user_id = table.Column<Guid>(type: "uuid", nullable: true),
                actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                entity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                entity_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                action = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                changes = table.Column<string>(type: "jsonb", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_audit_trail", x => x.id));

        migrationBuilder.CreateTable(
            name: "data_protection_keys",
            columns: table => new
            {
                id = table.Column<int>(type: "integer", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                friendly_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                xml = table.Column<string>(type: "text", nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_data_protection_keys", x => x.id));

        migrationBuilder.CreateTable(
            name: "job_runs",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                job_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                node_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                succeeded = table.Column<bool>(type: "boolean", nullable: false),
                message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_job_runs", x => x.id));

        migrationBuilder.CreateTable(
            name: "organisation_settings",
            columns: table => new
            {
                id = table.Column<int>(type: "integer", nullable: false),
                name_ja = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                name_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                time_zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                fiscal_year_start_month = table.Column<int>(type: "integer", nullable: false),
                two_factor_required_roles = table.Column<List<string>>(type: "text[]", nullable: false),
                is_demo = table.Column<bool>(type: "boolean", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_organisation_settings", x => x.id));

        migrationBuilder.CreateTable(
            name: "roles",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                concurrency_stamp = table.Column<string>(type: "text", nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_roles", x => x.id));

        migrationBuilder.CreateTable(
            name: "role_claims",
            columns: table => new
            {
                id = table.Column<int>(type: "integer", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                role_id = table.Column<Guid>(type: "uuid", nullable: false),
                claim_type = table.Column<string>(type: "text", nullable: true),
                claim_value = table.Column<string>(type: "text", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_role_claims", x => x.id);
                table.ForeignKey("fk_role_claims_roles_role_id", x => x.role_id, "roles", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "departments",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                name_ja = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                name_en = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                head_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                retired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_departments", x => x.id);
                table.ForeignKey("fk_departments_departments_parent_id", x => x.parent_id, "departments", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "users",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                display_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                department_id = table.Column<Guid>(type: "uuid", nullable: true),
                is_active = table.Column<bool>(type: "boolean", nullable: false),
                preferred_language = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                deactivated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                password_hash = table.Column<string>(type: "text", nullable: true),
                security_stamp = table.Column<string>(type: "text", nullable: true),
                concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                phone_number = table.Column<string>(type: "text", nullable: true),
                phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                access_failed_count = table.Column<int>(type: "integer", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_users", x => x.id);
                table.ForeignKey("fk_users_departments_department_id", x => x.department_id, "departments", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "user_claims",
            columns: table => new
            {
                id = table.Column<int>(type: "integer", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                user_id = table.Column<Guid>(type: "uuid", nullable: false),
                claim_type = table.Column<string>(type: "text", nullable: true),
                claim_value = table.Column<string>(type: "text", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_user_claims", x => x.id);
                table.ForeignKey("fk_user_claims_users_user_id", x => x.user_id, "users", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "user_logins",
            columns: table => new
            {
                login_provider = table.Column<string>(type: "text", nullable: false),
                provider_key = table.Column<string>(type: "text", nullable: false),
                provider_display_name = table.Column<string>(type: "text", nullable: true),
                user_id = table.Column<Guid>(type: "uuid", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_user_logins", x => new { x.login_provider, x.provider_key });
                table.ForeignKey("fk_user_logins_users_user_id", x => x.user_id, "users", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "user_roles",
            columns: table => new
            {
                user_id = table.Column<Guid>(type: "uuid", nullable: false),
                role_id = table.Column<Guid>(type: "uuid", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_user_roles", x => new { x.user_id, x.role_id });
                table.ForeignKey("fk_user_roles_roles_role_id", x => x.role_id, "roles", "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_user_roles_users_user_id", x => x.user_id, "users", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "user_tokens",
            columns: table => new
            {
                user_id = table.Column<Guid>(type: "uuid", nullable: false),
                login_provider = table.Column<string>(type: "text", nullable: false),
                name = table.Column<string>(type: "text", nullable: false),
                value = table.Column<string>(type: "text", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                table.ForeignKey("fk_user_tokens_users_user_id", x => x.user_id, "users", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("ix_audit_trail_at", "audit_trail", "at");
        migrationBuilder.CreateIndex("ix_audit_trail_entity_entity_key", "audit_trail", ["entity", "entity_key"]);
        migrationBuilder.CreateIndex("ix_departments_code", "departments", "code", unique: true);
        migrationBuilder.CreateIndex("ix_departments_head_user_id", "departments", "head_user_id");
        migrationBuilder.CreateIndex("ix_departments_parent_id", "departments", "parent_id");
        migrationBuilder.CreateIndex("ix_job_runs_job_name_started_at", "job_runs", ["job_name", "started_at"]);
        migrationBuilder.CreateIndex("ix_role_claims_role_id", "role_claims", "role_id");
        migrationBuilder.CreateIndex("role_name_index", "roles", "normalized_name", unique: true);
        migrationBuilder.CreateIndex("ix_user_claims_user_id", "user_claims", "user_id");
        migrationBuilder.CreateIndex("ix_user_logins_user_id", "user_logins", "user_id");
        migrationBuilder.CreateIndex("ix_user_roles_role_id", "user_roles", "role_id");
        migrationBuilder.CreateIndex("email_index", "users", "normalized_email");
        migrationBuilder.CreateIndex("ix_users_department_id", "users", "department_id");
        migrationBuilder.CreateIndex("user_name_index", "users", "normalized_user_name", unique: true);

        migrationBuilder.AddForeignKey("fk_departments_users_head_user_id", "departments", "head_user_id", "users",
            principalColumn: "id", onDelete: ReferentialAction.Restrict);

        // The five roles, with fixed ids so every installation agrees; the organisation's
        // settings row (Asia/Tokyo, fiscal year from April).
        migrationBuilder.Sql("""
            INSERT INTO roles (id, name, normalized_name, concurrency_stamp) VALUES
              ('00000000-0000-0000-0000-000000000001', 'Administrator', 'ADMINISTRATOR', 'role-1'),
              ('00000000-0000-0000-0000-000000000002', 'ComplianceOfficer', 'COMPLIANCEOFFICER', 'role-2'),
              ('00000000-0000-0000-0000-000000000003', 'Auditor', 'AUDITOR', 'role-3'),
              ('00000000-0000-0000-0000-000000000004', 'DepartmentHead', 'DEPARTMENTHEAD', 'role-4'),
              ('00000000-0000-0000-0000-000000000005', 'Management', 'MANAGEMENT', 'role-5');
            INSERT INTO organisation_settings (id, name_ja, name_en, time_zone, fiscal_year_start_month, two_factor_required_roles, is_demo)
            VALUES (1, '', '', 'Asia/Tokyo', 4, '{}', false);
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropForeignKey("fk_departments_users_head_user_id", "departments");
        foreach (var table in new[] { "audit_trail", "data_protection_keys", "job_runs", "organisation_settings", "role_claims",
                     "user_claims", "user_logins", "user_roles", "user_tokens", "roles", "users", "departments" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
