using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Controls.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class RiskAssessment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "risk_assessments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    ledger_entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    assessed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    assessed_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    assessed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_assessments", x => x.id);
                    table.ForeignKey(
                        name: "fk_risk_assessments_ledger_entries_ledger_entry_id",
                        column: x => x.ledger_entry_id,
                        principalTable: "ledger_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "risk_assessment_stages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    risk_assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    not_applicable = table.Column<bool>(type: "boolean", nullable: false),
                    risk = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    likelihood = table.Column<int>(type: "integer", nullable: true),
                    impact = table.Column<int>(type: "integer", nullable: true),
                    score = table.Column<int>(type: "integer", nullable: true),
                    measures = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    measure_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    residual_likelihood = table.Column<int>(type: "integer", nullable: true),
                    residual_impact = table.Column<int>(type: "integer", nullable: true),
                    residual_score = table.Column<int>(type: "integer", nullable: true),
                    accepted_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    accepted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    acceptance_comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_assessment_stages", x => x.id);
                    table.ForeignKey(
                        name: "fk_risk_assessment_stages_risk_assessments_risk_assessment_id",
                        column: x => x.risk_assessment_id,
                        principalTable: "risk_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_risk_assessment_stages_risk_assessment_id_stage",
                table: "risk_assessment_stages",
                columns: new[] { "risk_assessment_id", "stage" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_risk_assessments_ledger_entry_id",
                table: "risk_assessments",
                column: "ledger_entry_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "risk_assessment_stages");

            migrationBuilder.DropTable(
                name: "risk_assessments");
        }
    }
}
