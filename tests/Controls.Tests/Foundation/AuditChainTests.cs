using Controls.Web.Domain;
using Controls.Web.Infrastructure.AuditTrail;

namespace Controls.Tests.Foundation;

public class AuditChainTests
{
    private static AuditTrailEntry Entry() => new()
    {
        At = new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.FromHours(9)).AddTicks(1234567),
        UserId = Guid.Parse("6f1c2a36-4f5e-4a55-9d0e-2b4b3c1d7e8f"),
        Actor = "sato@sakura.example",
        Entity = "Department",
        EntityKey = "42",
        Action = AuditAction.Update,
        Changes = """{"NameEn":{"old":"Sales","new":"Sales Division"}}""",
    };

    [Fact]
    public void Entries_are_linked_in_order_each_hash_over_the_previous_one()
    {
        var first = Entry();
        var second = Entry();
        var head = AuditTrailChain.Link([first, second], AuditTrailChain.Head.Empty);

        Assert.Equal(1, first.Sequence);
        Assert.Equal(AuditTrailChain.Genesis, first.PreviousHash);
        Assert.Equal(2, second.Sequence);
        Assert.Equal(first.Hash, second.PreviousHash);
        Assert.NotEqual(first.Hash, second.Hash);
        Assert.Equal(new AuditTrailChain.Head(2, second.Hash!), head);
        Assert.Matches("^[0-9a-f]{64}$", first.Hash);
        // The time is kept as the database keeps it: UTC, whole microseconds.
        Assert.Equal(TimeSpan.Zero, first.At.Offset);
        Assert.Equal(0, first.At.UtcTicks % 10);
    }

    [Fact]
    public void Changing_any_field_changes_the_hash()
    {
        var original = Entry();
        AuditTrailChain.Link([original], AuditTrailChain.Head.Empty);
        var hash = AuditTrailChain.HashOf(original);
        Assert.Equal(original.Hash, hash);

        Action<AuditTrailEntry>[] alterations =
        [
            e => e.At = e.At.AddTicks(10), e => e.UserId = null, e => e.Actor += "x", e => e.Entity = "Departmen",
            e => e.EntityKey = "43", e => e.Action = AuditAction.Delete, e => e.Changes = e.Changes.Replace("Sales", "Sale5", StringComparison.Ordinal),
            e => e.Sequence = 2, e => e.PreviousHash = new string('1', 64),
            // Moving text from one field to the next is a different entry too.
            e => { e.Entity = "DepartmentX"; e.EntityKey = "2"; },
        ];
        foreach (var alter in alterations)
        {
            var copy = Entry();
            AuditTrailChain.Link([copy], AuditTrailChain.Head.Empty);
            alter(copy);
            Assert.NotEqual(hash, AuditTrailChain.HashOf(copy));
        }
    }
}
