using Controls.Web.Features.Admin.AuditTrail;

namespace Controls.Tests.Foundation;

public class AuditTrailTextTests
{
    [Fact]
    public void Changes_read_as_one_line_per_field_with_secrets_hidden()
    {
        const string changes = """{"NameEn": {"old": "Sales", "new": "Sales Division"}, "RetiredAt": {"old": null, "new": "2026-11-21T00:00:00+00:00"}, "PasswordHash": {"changed": true}}""";
        Assert.Equal(
            "NameEn: Sales → Sales Division\nRetiredAt: ∅ → 2026-11-21T00:00:00+00:00\nPasswordHash: (changed)",
            IndexModel.Describe(changes).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Sign_ins_and_refused_requests_read_as_plain_fields()
    {
        const string changes = """{"ip":"10.0.0.7","path":"/Account/SignIn","outcome":"LockedOut"}""";
        Assert.Equal("ip: 10.0.0.7\npath: /Account/SignIn\noutcome: LockedOut", IndexModel.Describe(changes).ReplaceLineEndings("\n"));
    }
}
