/** Entry point for the AWS CDK CLI: npx aws-cdk@2 deploy --app "npx tsx deploy/cdk.ts" DeskbridgeOidc … */
import { buildKit } from './app';

// The CLI passes the output folder in CDK_OUTDIR, which App reads by itself.
buildKit().app.synth();
