namespace Controls.Web.Domain;

/// <summary>A training session (研修) on personal-data handling (HUM-1).</summary>
public class TrainingSession
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public DateOnly HeldOn { get; set; }
    public bool Mandatory { get; set; }
    /// <summary>The material used (title, file location or link).</summary>
    public string Material { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// One person's attendance of a session (受講記録), with the test score where there was one: a
/// member of the staff roster, or an app user who is not on it (exactly one of the two).
/// </summary>
public class TrainingAttendance
{
    public Guid Id { get; set; }
    public Guid SessionId { get; set; }
    public TrainingSession Session { get; set; } = null!;
    public Guid? UserId { get; set; }
    public AppUser? User { get; set; }
    public Guid? StaffMemberId { get; set; }
    public StaffMember? StaffMember { get; set; }
    public bool Completed { get; set; }
    public int? Score { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A confidentiality pledge (誓約書) signed by a roster member or an app user (exactly one of the two), lasting after they leave.</summary>
public class ConfidentialityPledge
{
    public Guid Id { get; set; }
    public Guid? UserId { get; set; }
    public AppUser? User { get; set; }
    public Guid? StaffMemberId { get; set; }
    public StaffMember? StaffMember { get; set; }
    public DateOnly SignedOn { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
