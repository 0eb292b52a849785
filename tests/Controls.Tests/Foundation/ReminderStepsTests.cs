using Controls.Web.Infrastructure.Notifications;

namespace Controls.Tests.Foundation;

/// <summary>A due-date reminder sends the latest step that has come due: the window's, the day's, then overdue.</summary>
public class ReminderStepsTests
{
    [Theory]
    [InlineData(31, null)]
    [InlineData(30, "due-30")]
    [InlineData(1, "due-30")]
    [InlineData(0, "due-0")]
    [InlineData(-1, "overdue")]
    [InlineData(-400, "overdue")]
    public void The_step_follows_the_days_left(int daysLeft, string? step) =>
        Assert.Equal(step, ReminderSteps.DueStep(daysLeft, 30));
}
