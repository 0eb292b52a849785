using System.Text;
using Controls.Web.Domain;
using Controls.Web.Features.Audits;
using Ical.Net;
using Ical.Net.DataTypes;

namespace Controls.Tests.Audits;

public class AuditCalendarFeedTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    private static Uri Report(Guid id) => new($"https://controls.example/app/Audits/Report/{id}");

    [Fact]
    public void Every_audit_is_an_all_day_event_with_its_uid_status_and_absolute_report_url()
    {
        var (plannedId, cancelledId) = (Guid.NewGuid(), Guid.NewGuid());
        var planned = AuditCalendar.Audit(plannedId, "2026年度 内部監査; 営業部, 人事部\n二行目 \\ 終わり", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 15), AuditStatus.Planned, Report(plannedId));
        var cancelled = AuditCalendar.Audit(cancelledId, "中止", new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 30), AuditStatus.Cancelled, Report(cancelledId));
        var text = AuditCalendar.Write([planned, cancelled], Now);

        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text);
        Assert.EndsWith("END:VCALENDAR\r\n", text);
        Assert.DoesNotContain('\n', text.Replace("\r\n", "", StringComparison.Ordinal));
        var calendar = Calendar.Load(text)!;
        Assert.Equal("2.0", calendar.Version);
        Assert.Equal("-//Controls//Calendar//JA", calendar.ProductId);
        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Equal(2, calendar.Events.Count);

        var first = calendar.Events.Single(e => e.Uid == $"audit-{plannedId}@controls");
        Assert.Equal(planned.Summary, first.Summary);
        Assert.True(first.IsAllDay);
        Assert.Equal(new DateOnly(2026, 10, 1), first.DtStart!.Date);
        Assert.Equal(new DateOnly(2026, 10, 16), first.DtEnd!.Date);
        Assert.Equal(EventStatus.Tentative, first.Status);
        Assert.Equal(Report(plannedId), first.Url);
        Assert.True(first.DtStamp!.IsUtc);
        Assert.Equal(Now.UtcDateTime, first.DtStamp.Value);

        var second = calendar.Events.Single(e => e.Uid == $"audit-{cancelledId}@controls");
        Assert.Equal(EventStatus.Cancelled, second.Status);
        Assert.Equal(new DateOnly(2026, 12, 1), second.DtEnd!.Date);
    }

    [Fact]
    public void Characters_outside_the_BMP_survive_a_fold_at_any_position()
    {
        // 𠮷 (U+20BB7) and 🔒 are two UTF-16 units and four UTF-8 octets: moving them along the
        // line puts one at every possible fold position.
        for (var prefix = 0; prefix < 80; prefix++)
        {
            var title = new string('a', prefix) + "𠮷田 🔒, 個人データ; " + string.Concat(Enumerable.Repeat("𠮷", 40));
            var id = Guid.NewGuid();
            var text = AuditCalendar.Write([AuditCalendar.Audit(id, title, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 1), AuditStatus.Scheduled, Report(id))], Now);

            Assert.All(text.Split("\r\n")[..^1], line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
            Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)));
            Assert.Equal(title, Calendar.Load(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)))!.Events.Single().Summary);
        }
    }

    [Fact]
    public void The_library_output_is_kept_when_no_character_was_split()
    {
        var text = "BEGIN:VCALENDAR\r\nSUMMARY:" + new string('長', 24) + "\r\n " + new string('長', 3) + "\r\nEND:VCALENDAR\r\n";

        Assert.Same(text, AuditCalendar.MendSplitCharacters(text));
        Assert.Equal("A:x𠮷y\r\n", AuditCalendar.MendSplitCharacters("A:x\uD842\r\n \uDFB7y\r\n"));
    }
}
