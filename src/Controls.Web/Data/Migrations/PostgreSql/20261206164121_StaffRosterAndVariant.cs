using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Controls.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class StaffRosterAndVariant : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "user_id",
                table: "training_attendances",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "staff_member_id",
                table: "training_attendances",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "simplified",
                table: "inspections",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "simplified",
                table: "inspection_schedules",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AlterColumn<Guid>(
                name: "user_id",
                table: "confidentiality_pledges",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "staff_member_id",
                table: "confidentiality_pledges",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "staff_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    employee_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    department_id = table.Column<Guid>(type: "uuid", nullable: false),
                    joined_on = table.Column<DateOnly>(type: "date", nullable: false),
                    left_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_staff_members_departments_department_id",
                        column: x => x.department_id,
                        principalTable: "departments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_training_attendances_session_id_staff_member_id",
                table: "training_attendances",
                columns: new[] { "session_id", "staff_member_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_training_attendances_staff_member_id",
                table: "training_attendances",
                column: "staff_member_id");

            migrationBuilder.AddCheckConstraint(
                name: "ck_training_attendances_person",
                table: "training_attendances",
                sql: "(user_id IS NULL) <> (staff_member_id IS NULL)");

            migrationBuilder.CreateIndex(
                name: "ix_confidentiality_pledges_staff_member_id",
                table: "confidentiality_pledges",
                column: "staff_member_id");

            migrationBuilder.AddCheckConstraint(
                name: "ck_confidentiality_pledges_person",
                table: "confidentiality_pledges",
                sql: "(user_id IS NULL) <> (staff_member_id IS NULL)");

            migrationBuilder.CreateIndex(
                name: "ix_staff_members_department_id_left_on",
                table: "staff_members",
                columns: new[] { "department_id", "left_on" });

            migrationBuilder.CreateIndex(
                name: "ix_staff_members_employee_number",
                table: "staff_members",
                column: "employee_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_staff_members_normalized_email",
                table: "staff_members",
                column: "normalized_email",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_confidentiality_pledges_staff_members_staff_member_id",
                table: "confidentiality_pledges",
                column: "staff_member_id",
                principalTable: "staff_members",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_training_attendances_staff_members_staff_member_id",
                table: "training_attendances",
                column: "staff_member_id",
                principalTable: "staff_members",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_confidentiality_pledges_staff_members_staff_member_id",
                table: "confidentiality_pledges");

            migrationBuilder.DropForeignKey(
                name: "fk_training_attendances_staff_members_staff_member_id",
                table: "training_attendances");

            migrationBuilder.DropTable(
                name: "staff_members");

            migrationBuilder.DropIndex(
                name: "ix_training_attendances_session_id_staff_member_id",
                table: "training_attendances");

            migrationBuilder.DropIndex(
                name: "ix_training_attendances_staff_member_id",
                table: "training_attendances");

            migrationBuilder.DropCheckConstraint(
                name: "ck_training_attendances_person",
                table: "training_attendances");

            migrationBuilder.DropIndex(
                name: "ix_confidentiality_pledges_staff_member_id",
                table: "confidentiality_pledges");

            migrationBuilder.DropCheckConstraint(
                name: "ck_confidentiality_pledges_person",
                table: "confidentiality_pledges");

            migrationBuilder.DropColumn(
                name: "staff_member_id",
                table: "training_attendances");

            migrationBuilder.DropColumn(
                name: "simplified",
                table: "inspections");

            migrationBuilder.DropColumn(
                name: "simplified",
                table: "inspection_schedules");

            migrationBuilder.DropColumn(
                name: "staff_member_id",
                table: "confidentiality_pledges");

            migrationBuilder.AlterColumn<Guid>(
                name: "user_id",
                table: "training_attendances",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "user_id",
                table: "confidentiality_pledges",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
