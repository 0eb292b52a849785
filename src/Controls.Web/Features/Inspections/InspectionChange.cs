namespace Controls.Web.Features.Inspections;

/// <summary>How a change to an inspection (an answer, an action, evidence, submission, review) ended.</summary>
public enum InspectionChange
{
    Done,
    /// <summary>Not there, or not visible to this user (shown as 404).</summary>
    NotFound,
    /// <summary>Visible but not this user's to change (shown as 403).</summary>
    Forbidden,
    /// <summary>The inspection is not in a state that allows it (e.g. submitted).</summary>
    Locked,
    Invalid,
    Conflict,
}
