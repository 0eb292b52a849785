using Controls.Web.Domain;

namespace Controls.Tests.Training;

/// <summary>Who is in service on a day, and which roster values may be stored.</summary>
public class StaffMemberTests
{
    private static StaffMember Member(DateOnly joined, DateOnly? left) => new() { EmployeeNumber = "E1", Name = "山田 花子", JoinedOn = joined, LeftOn = left };

    [Theory]
    [InlineData("2026-03-31", false)]   // before joining
    [InlineData("2026-04-01", true)]    // the joining day
    [InlineData("2026-09-30", true)]    // the last day in service
    [InlineData("2026-10-01", false)]   // after leaving: not counted
    public void A_member_is_in_service_from_joining_through_their_last_day(string day, bool inService) =>
        Assert.Equal(inService, Member(new DateOnly(2026, 4, 1), new DateOnly(2026, 9, 30)).InServiceOn(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_member_without_a_leaving_date_stays_in_service() =>
        Assert.True(Member(new DateOnly(2020, 4, 1), null).InServiceOn(new DateOnly(2040, 1, 1)));

    [Theory]
    [InlineData("E1", "山田 花子", null, null)]
    [InlineData("E1", "山田 花子", "hanako@example.jp", null)]
    [InlineData("", "山田 花子", null, "Roster.Problem.EmployeeNumber")]
    [InlineData("E 1", "山田 花子", null, "Roster.Problem.EmployeeNumber")]
    [InlineData("E1", "", null, "Roster.Problem.Name")]
    [InlineData("E1", "山田\0花子", null, "Roster.Problem.Name")]
    [InlineData("E1", "山田 花子", "hanako@", "Roster.Problem.Email")]
    [InlineData("E1", "山田 花子", "@example.jp", "Roster.Problem.Email")]
    [InlineData("E1", "山田 花子", "a@b@c", "Roster.Problem.Email")]
    public void Values_are_checked_before_they_are_stored(string number, string name, string? email, string? problem) =>
        Assert.Equal(problem, StaffMember.Problem(number, name, email, new DateOnly(2020, 4, 1), null));

    [Fact]
    public void Leaving_before_joining_is_refused() =>
        Assert.Equal("Roster.Problem.LeftBeforeJoined", StaffMember.Problem("E1", "山田 花子", null, new DateOnly(2020, 4, 1), new DateOnly(2020, 3, 31)));

    [Fact]
    public void The_email_address_links_to_an_app_user_whatever_its_case() =>
        Assert.Equal("HANAKO@EXAMPLE.JP", StaffMember.Normalize(" Hanako@Example.jp "));
}
