using Controls.Web.Features.Housekeeping;

namespace Controls.Tests.Foundation;

public class PruneExpiredDataTests
{
    [Fact]
    public void The_expiry_is_read_from_a_data_protection_key()
    {
        const string xml = "<key id=\"1\" version=\"1\"><creationDate>2026-01-01T00:00:00Z</creationDate><expirationDate>2026-04-01T09:30:00+09:00</expirationDate></key>";
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 0, 30, 0, TimeSpan.Zero), PruneExpiredData.ExpiresAt(xml));
    }

    [Theory]
    [InlineData("<key/>")]
    [InlineData("<key><expirationDate>not a date</expirationDate></key>")]
    [InlineData("not xml at all <")]
    public void A_key_without_a_readable_expiry_is_never_pruned(string xml) =>
        Assert.Null(PruneExpiredData.ExpiresAt(xml));
}
