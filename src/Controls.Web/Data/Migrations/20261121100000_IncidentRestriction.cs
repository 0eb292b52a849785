using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Controls.Web.Data.Migrations;

/// <summary>
/// organisation_settings.incidents_compliance_officers_only: the organisation may close the incident
/// register to department heads. Existing organisations keep an open register (false); the default
/// only fills the existing row and is dropped again, as the model has none. Hand-written (docs/adr/0003).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121100000_IncidentRestriction")]
public class IncidentRestriction : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>("incidents_compliance_officers_only", "organisation_settings", type: "boolean", nullable: false, defaultValue: false);
        migrationBuilder.Sql("ALTER TABLE organisation_settings ALTER COLUMN incidents_compliance_officers_only DROP DEFAULT;");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("incidents_compliance_officers_only", "organisation_settings");
    }
}
