using Controls.Web.Data;

namespace Controls.Tests.Foundation;

public class SnakeCaseNamesTests
{
    [Theory]
    [InlineData("NormalizedUserName", "normalized_user_name")]
    [InlineData("PK_users", "pk_users")]
    [InlineData("IX_audit_trail_EntityKey", "ix_audit_trail_entity_key")]
    [InlineData("FiscalYearStartMonth", "fiscal_year_start_month")]
    [InlineData("NameJa", "name_ja")]
    [InlineData("ISOControl", "iso_control")]
    [InlineData("Iso27001", "iso27001")]
    [InlineData("already_snake", "already_snake")]
    public void Names_become_lower_snake_case(string name, string expected) =>
        Assert.Equal(expected, SnakeCaseNames.ToSnake(name));
}
