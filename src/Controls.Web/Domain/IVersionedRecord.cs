namespace Controls.Web.Domain;

/// <summary>A record changed on an edit page and saved with the row version its form was read at (optimistic concurrency).</summary>
public interface IVersionedRecord
{
    Guid Id { get; }

    uint Version { get; }
}
