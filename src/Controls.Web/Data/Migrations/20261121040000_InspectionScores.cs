using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Controls.Web.Data.Migrations;

/// <summary>
/// Reporting: each inspection's compliance points per measure category (docs/scoring.md), so the
/// dashboard sums a few rows per inspection rather than every answer. Hand-written (docs/adr/0003);
/// filled from the existing answers.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121040000_InspectionScores")]
public class InspectionScores : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "inspection_scores",
            columns: table => new
            {
                inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                points = table.Column<double>(type: "double precision", nullable: false),
                counted = table.Column<int>(type: "integer", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_inspection_scores", x => new { x.inspection_id, x.category }));

        migrationBuilder.AddForeignKey("fk_inspection_scores_inspections_inspection_id", "inspection_scores", "inspection_id", "inspections", principalColumn: "id", onDelete: ReferentialAction.Cascade);

        migrationBuilder.Sql(Features.Reports.InspectionScores.RecomputeAllSql);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "inspection_scores");
    }
}
