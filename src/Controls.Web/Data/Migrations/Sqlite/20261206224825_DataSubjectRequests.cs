using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Controls.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DataSubjectRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "request_response_days",
                table: "organisation_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 14); // existing organisations start with the default period

            migrationBuilder.CreateTable(
                name: "data_subject_requests",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    received_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    requester_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    reference = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    department_id = table.Column<string>(type: "TEXT", nullable: false),
                    ledger_entry_id = table.Column<string>(type: "TEXT", nullable: true),
                    identity_verified_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    identity_method = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    extension_reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    response = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    response_method = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    refusal_reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    partly_refused = table.Column<bool>(type: "INTEGER", nullable: false),
                    fee = table.Column<int>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by_id = table.Column<string>(type: "TEXT", nullable: false),
                    version = table.Column<uint>(type: "INTEGER", nullable: false, defaultValue: 1u)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_subject_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_data_subject_requests_departments_department_id",
                        column: x => x.department_id,
                        principalTable: "departments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_data_subject_requests_ledger_entries_ledger_entry_id",
                        column: x => x.ledger_entry_id,
                        principalTable: "ledger_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_data_subject_requests_department_id_received_on",
                table: "data_subject_requests",
                columns: new[] { "department_id", "received_on" });

            migrationBuilder.CreateIndex(
                name: "ix_data_subject_requests_ledger_entry_id",
                table: "data_subject_requests",
                column: "ledger_entry_id");

            migrationBuilder.CreateIndex(
                name: "ix_data_subject_requests_status_due_on",
                table: "data_subject_requests",
                columns: new[] { "status", "due_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "data_subject_requests");

            migrationBuilder.DropColumn(
                name: "request_response_days",
                table: "organisation_settings");
        }
    }
}
