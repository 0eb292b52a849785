namespace Controls.Web.Infrastructure.Notifications;

/// <summary>What a notification is about (shown as a badge; resource key "NotificationKind.{kind}").</summary>
public static class NotificationKinds
{
    public const string Reminder = "reminder";
    public const string Overdue = "overdue";
    public const string Escalation = "escalation";
    public const string Digest = "digest";
    public const string ActionOverdue = "action-overdue";
    public const string ActionEscalation = "action-escalation";
    public const string Review = "review";
    /// <summary>An output of a management review given to someone to carry out.</summary>
    public const string ManagementReview = "management-review";
    /// <summary>Everything one reminder run tells one person, in one notice.</summary>
    public const string Bundle = "bundle";
}
