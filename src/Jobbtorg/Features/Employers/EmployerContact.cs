namespace Jobbtorg.Features.Employers;

/// <summary>A person at the employer the matchers talk to: a name, their role there and how to reach them.</summary>
public class EmployerContact
{
    public const int NameMaxLength = 100;
    public const int RoleMaxLength = 100;
    public const int PhoneMaxLength = 30;
    public const int EmailMaxLength = 254;

    public int Id { get; private set; }
    public int EmployerId { get; private set; }
    public string Name { get; private set; } = "";
    public string? Role { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }

    public static EmployerContact For(int employerId, ContactRequest request)
    {
        var contact = new EmployerContact { EmployerId = employerId };
        contact.Edit(request);
        return contact;
    }

    public void Edit(ContactRequest request)
    {
        Name = Employer.Tidy(request.Name)!;
        Role = Employer.Tidy(request.Role);
        Phone = Employer.Tidy(request.Phone);
        Email = Employer.Tidy(request.Email);
    }
}
