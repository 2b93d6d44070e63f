"""Drives the emulator with botocore, an SDK independent of the JavaScript one.

Reads one JSON object on stdin (endpoints, region, the admin key, an OIDC ID token and two
desktop ids) and prints one JSON object of outcomes for the vitest test to assert. Every client
gets explicit credentials and endpoint; no AWS config file, environment or credential chain is
read (the test also runs it with an empty environment).
"""
import json
import sys

import botocore.session
from botocore.config import Config
from botocore.exceptions import ClientError

CONFIG = Config(retries={"total_max_attempts": 1}, connect_timeout=10, read_timeout=30)


def client(session, service, endpoint, region, creds=None):
    creds = creds or {}
    return session.create_client(
        service,
        region_name=region,
        endpoint_url=endpoint,
        aws_access_key_id=creds.get("AccessKeyId"),
        aws_secret_access_key=creds.get("SecretAccessKey"),
        aws_session_token=creds.get("SessionToken"),
        config=CONFIG,
    )


def error_of(call):
    """Runs a call that must fail and returns what came back over the wire."""
    try:
        call()
    except ClientError as error:
        meta = error.response.get("ResponseMetadata", {})
        return {
            "code": error.response.get("Error", {}).get("Code"),
            "message": error.response.get("Error", {}).get("Message"),
            "status": meta.get("HTTPStatusCode"),
            "requestId": meta.get("RequestId"),
        }
    return {"code": "no error"}


def main():
    given = json.load(sys.stdin)
    region = given["region"]
    endpoints = given["endpoints"]
    session = botocore.session.Session()
    session.set_config_variable("credentials_file", "/dev/null")
    session.set_config_variable("config_file", "/dev/null")
    out = {"botocore": botocore.__version__}

    sts = client(session, "sts", endpoints["sts"], region)
    assumed = sts.assume_role_with_web_identity(
        RoleArn=given["roleArn"], RoleSessionName="alice", WebIdentityToken=given["idToken"]
    )
    creds = assumed["Credentials"]
    out["assumedArn"] = assumed["AssumedRoleUser"]["Arn"]
    out["expiration"] = assumed["Credentials"]["Expiration"].timestamp()
    signed_sts = client(session, "sts", endpoints["sts"], region, creds)
    out["callerArn"] = signed_sts.get_caller_identity()["Arn"]

    ws = client(session, "workspaces", endpoints["workspaces"], region, creds)
    directories = ws.describe_workspace_directories()["Directories"]
    out["directories"] = [d["DirectoryId"] for d in directories]
    workspaces = ws.describe_workspaces(DirectoryId=given["directoryId"], UserName="alice")
    out["workspaceCount"] = len(workspaces["Workspaces"])
    out["workspacesNextToken"] = "NextToken" in workspaces
    status = ws.describe_workspaces_connection_status(WorkspaceIds=[given["connectedId"]])
    out["connectionCheck"] = status["WorkspacesConnectionStatus"][0]["ConnectionStateCheckTimestamp"].timestamp()
    started = ws.start_workspaces(
        StartWorkspaceRequests=[{"WorkspaceId": given["stoppedId"]}, {"WorkspaceId": given["availableId"]}]
    )
    out["startFailed"] = [[f["WorkspaceId"], f["ErrorCode"]] for f in started["FailedRequests"]]
    after = ws.describe_workspaces(WorkspaceIds=[given["stoppedId"]])["Workspaces"][0]
    out["stateAfterStart"] = after["State"]

    out["invalidCompute"] = error_of(
        lambda: ws.modify_workspace_properties(
            WorkspaceId=given["stoppedId"], WorkspaceProperties={"ComputeTypeName": "NOT_A_COMPUTE"}
        )
    )
    out["invalidLimit"] = error_of(lambda: ws.describe_workspaces(Limit=99))
    other_region = "eu-west-1" if region != "eu-west-1" else "eu-central-1"
    elsewhere = client(session, "workspaces", endpoints["workspaces"], other_region, creds)
    out["wrongRegion"] = error_of(lambda: elsewhere.describe_workspaces())
    print(json.dumps(out))


if __name__ == "__main__":
    main()
