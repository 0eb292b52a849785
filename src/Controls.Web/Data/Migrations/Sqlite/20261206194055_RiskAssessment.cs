using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Controls.Web.Data.Migrations.Sqlite
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
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    ledger_entry_id = table.Column<string>(type: "TEXT", nullable: false),
                    assessed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    assessed_by_id = table.Column<string>(type: "TEXT", nullable: true),
                    assessed_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<uint>(type: "INTEGER", nullable: false, defaultValue: 1u)
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
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    risk_assessment_id = table.Column<string>(type: "TEXT", nullable: false),
                    stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    not_applicable = table.Column<bool>(type: "INTEGER", nullable: false),
                    risk = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    likelihood = table.Column<int>(type: "INTEGER", nullable: true),
                    impact = table.Column<int>(type: "INTEGER", nullable: true),
                    score = table.Column<int>(type: "INTEGER", nullable: true),
                    measures = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    measure_ids = table.Column<string>(type: "TEXT", nullable: false),
                    residual_likelihood = table.Column<int>(type: "INTEGER", nullable: true),
                    residual_impact = table.Column<int>(type: "INTEGER", nullable: true),
                    residual_score = table.Column<int>(type: "INTEGER", nullable: true),
                    accepted_by_id = table.Column<string>(type: "TEXT", nullable: true),
                    accepted_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    accepted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    acceptance_comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
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
