using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jobbtorg.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseFollowUpBenefit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "FollowUpReceivesBenefit",
                table: "Cases",
                type: "boolean",
                nullable: true);
            // The answer of the cases already closed, from the benefit months already reported.
            migrationBuilder.Sql("UPDATE \"Cases\" SET \"FollowUpReceivesBenefit\" = (SELECT b.\"ReceivesBenefit\" FROM \"BenefitMonths\" b " +
                "WHERE b.\"ParticipantId\" = \"Cases\".\"ParticipantId\" AND b.\"Month\" = \"Cases\".\"FollowUpMonth\") WHERE \"FollowUpMonth\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FollowUpReceivesBenefit",
                table: "Cases");
        }
    }
}
