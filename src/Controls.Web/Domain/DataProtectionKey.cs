namespace Controls.Web.Domain;

/// <summary>A data-protection key ring element, kept in the database so every app node shares it.</summary>
public class DataProtectionKey
{
    public int Id { get; set; }
    public string FriendlyName { get; set; } = "";
    public string Xml { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
