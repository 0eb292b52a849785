namespace Controls.Web.Domain;

/// <summary>One execution of a scheduled job, so administrators can see the last outcome.</summary>
public class JobRun
{
    public long Id { get; set; }
    public string JobName { get; set; } = "";
    public string NodeId { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
    public bool Succeeded { get; set; }
    public string Message { get; set; } = "";
}
